// 诉求（措施7）的类别、层级、要素与状态的中英文名称，demands.html 与 assistance.html 共用（window.HuiqiDemand）。
// The codes are those of cn.huiqi.assistance (DemandCategory, DemandScope, Utility, DemandOrigin, ReplyOutcome,
// Rating): the pages show their labels, the API takes and answers the codes.
(function () {
  'use strict';
  const CATEGORIES = [
    ['RECRUITMENT', '用工招工', 'Recruitment'],
    ['FINANCING', '融资信贷', 'Financing and credit'],
    ['LAND', '用地规划', 'Land and planning'],
    ['UTILITIES', '水电气要素保障', 'Water, power and gas supply'],
    ['LOGISTICS', '物流运输', 'Logistics and transport'],
    ['APPROVAL', '审批手续', 'Approvals and permits'],
    ['POLICY', '政策咨询与兑现', 'Policy advice and fulfilment'],
    ['INNOVATION', '技术创新', 'Technological innovation'],
    ['MARKET', '市场开拓', 'Market development'],
    ['SAFETY_ENV', '安全环保', 'Safety and environment'],
    ['OTHER', '其他', 'Other']
  ];
  const SCOPES = [['LOCALITY', '属地层面', 'Locality level'], ['CITY', '市级层面', 'City level']];
  const UTILITIES = [['ELECTRICITY', '供电', 'Electricity'], ['WATER', '供水', 'Water'], ['GAS', '燃气', 'Gas']];
  const ORIGINS = [['ENTERPRISE', '企业提出', 'Raised by the enterprise'], ['VISIT', '走访发现', 'Found on a visit'],
    ['HOTLINE', '12345转办', '12345 hotline']];
  const OUTCOMES = [['SOLVED', '已解决', 'Solved'], ['PARTLY_SOLVED', '部分解决', 'Partly solved'], ['NOT_NOW', '暂不能解决', 'Cannot be solved now']];
  const RATINGS = [['SATISFIED', '满意', 'Satisfied'], ['BASICALLY_SATISFIED', '基本满意', 'Basically satisfied'],
    ['DISSATISFIED', '不满意', 'Dissatisfied']];

  const table = (rows) => rows.map(([code, zh, en]) => ({ code, zh, en }));
  const find = (rows) => (code) => {
    const row = rows.find(r => r[0] === code);
    return row ? row[1] : (code || '');
  };

  /** Fills `select` with one option per entry (value = code, text = Chinese, title = English), after its first option. */
  function options(select, rows) {
    for (const { code, zh, en } of rows) {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = zh;
      option.title = en;
      select.appendChild(option);
    }
  }

  /**
   * One demand as the pages use it: GET /api/assistance/demands/<n> ({caseView, demand, assignments}) flattened — the
   * case's fields, the demand's own fields, and from the running step (case steps) its unit, due date, whether it is
   * overdue or paused (waiting for the enterprise).
   */
  function flatten(answer) {
    const view = answer.caseView || answer;
    const fields = answer.demand || {};
    const step = (view.steps || []).find(s => s.state === 'RUNNING' || s.state === 'PAUSED') || null;
    return Object.assign({}, view, fields, {
      due: step ? step.due : null,
      overdue: Boolean(step && step.overdue),
      paused: Boolean(step && step.state === 'PAUSED'),
      unit: fields.responsibleUnit || (step ? step.unit : null) || view.localityUnit,
      assignments: answer.assignments || []
    });
  }

  window.HuiqiDemand = {
    flatten,
    categories: table(CATEGORIES), scopes: table(SCOPES), utilities: table(UTILITIES),
    category: find(CATEGORIES), scope: find(SCOPES), utility: find(UTILITIES), origin: find(ORIGINS),
    outcome: find(OUTCOMES), rating: find(RATINGS), options
  };
})();
