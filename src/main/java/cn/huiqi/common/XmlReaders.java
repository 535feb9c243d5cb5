package cn.huiqi.common;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for the models the app reads itself (a DMN seed's decision ids, a BPMN model's outline): no DTD and no
 * external entities, so a model can neither reach a file or URL nor expand entities.
 */
public final class XmlReaders {

    private XmlReaders() {
    }

    public static XMLStreamReader read(InputStream xml) throws XMLStreamException {
        // a factory per reader: the JDK's may reuse one reader instance across calls
        return hardened().createXMLStreamReader(xml);
    }

    private static XMLInputFactory hardened() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
