package cn.huiqi.financing;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/financing/events")
class FinancingEventController {

    private final FinancingEvents events;

    FinancingEventController(FinancingEvents events) {
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "产融对接活动（市金融办、市工信局、市中小企业局、企业：全部；金融机构：受邀的）/ Matchmaking events")
    List<FinancingEvents.EventView> list() {
        return events.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "创建产融对接活动（市金融办）/ Create a matchmaking event (jrb)")
    FinancingEvents.EventView create(@RequestBody FinancingEvents.EventBody body) {
        return events.create(body);
    }

    @GetMapping("/registrable-demands")
    @Operation(summary = "可报名的融资需求（企业：本企业开放的需求；市金融办：列入下一场活动的需求）/ Demands the caller may register")
    List<FinancingEvents.DemandChoice> registrable() {
        return events.registrable();
    }

    @GetMapping("/{id}")
    @Operation(summary = "活动详情：受邀机构、报名需求、成果（按角色过滤）/ An event with invitations, registrations and outcomes, filtered by role")
    FinancingEvents.EventDetail detail(@PathVariable long id) {
        return events.detail(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改活动、标记已举办或取消（主办、协办单位）/ Change an event, mark it held or cancelled (organisers)")
    FinancingEvents.EventView update(@PathVariable long id, @RequestBody FinancingEvents.EventBody body) {
        return events.update(id, body);
    }

    @PostMapping("/{id}/institutions")
    @Operation(summary = "邀请金融机构（主办、协办单位）/ Invite an institution (organisers)")
    FinancingEvents.EventDetail invite(@PathVariable long id, @RequestBody FinancingEvents.InviteBody body) {
        return events.invite(id, body);
    }

    @PostMapping("/{id}/registrations")
    @Operation(summary = "报名开放的融资需求（企业：本企业的；市金融办：列入下一场活动的）/ Register an open demand")
    FinancingEvents.EventDetail register(@PathVariable long id, @RequestBody FinancingEvents.RegistrationBody body) {
        return events.register(id, body);
    }

    @PostMapping("/{id}/outcomes")
    @Operation(summary = "登记活动成果：意向签约与金额（主办、协办单位，活动举办后）/ Record an outcome after the event (organisers)")
    FinancingEvents.EventDetail outcome(@PathVariable long id, @RequestBody FinancingEvents.OutcomeBody body) {
        return events.recordOutcome(id, body);
    }
}
