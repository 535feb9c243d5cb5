package cn.huiqi.timelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import cn.huiqi.common.XmlReaders;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the start-up check of {@link TimeLimitSetup} needs of a BPMN process: its user tasks (in its sub-processes too),
 * those a unit works on (with candidate groups), and the processes it calls. Read with StAX from the models under
 * {@code bpmn/}: the BPMN model API reads and validates each model as a whole, which cost every start as much as the
 * engine's own deployment of them.
 */
record ProcessOutline(String key, Set<String> userTasks, Set<String> unitSteps, Set<String> calledProcesses) {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** The processes of every model the application deploys ({@code bpmn/}), by process key. */
    static Map<String, ProcessOutline> bundled() {
        Map<String, ProcessOutline> processes = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    read(in, resource.getFilename()).forEach(process -> processes.put(process.key(), process));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return processes;
    }

    /** The processes of one model. */
    static java.util.List<ProcessOutline> read(InputStream xml, String name) {
        java.util.List<ProcessOutline> processes = new java.util.ArrayList<>();
        try {
            XMLStreamReader reader = XmlReaders.read(xml);
            ProcessOutline current = null;
            while (reader.hasNext()) {
                int event = reader.next();
                boolean bpmn = (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
                        && BPMN.equals(reader.getNamespaceURI());
                if (!bpmn) {
                    continue;
                }
                String element = reader.getLocalName();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (element.equals("process")) {
                        processes.add(current);
                        current = null;
                    }
                } else if (element.equals("process")) {
                    current = new ProcessOutline(reader.getAttributeValue(null, "id"), new LinkedHashSet<>(), new LinkedHashSet<>(),
                            new LinkedHashSet<>());
                } else if (current != null && element.equals("userTask")) {
                    String id = reader.getAttributeValue(null, "id");
                    current.userTasks().add(id);
                    String groups = reader.getAttributeValue(CAMUNDA, "candidateGroups");
                    if (groups != null && !groups.isBlank()) {
                        current.unitSteps().add(id);
                    }
                } else if (current != null && element.equals("callActivity")) {
                    String called = reader.getAttributeValue(null, "calledElement");
                    if (called != null) {
                        current.calledProcesses().add(called);
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read the BPMN model " + name + ": " + e.getMessage(), e);
        }
        return processes;
    }
}
