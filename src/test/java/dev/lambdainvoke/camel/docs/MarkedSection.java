package dev.lambdainvoke.camel.docs;

/**
 * The text between a start and an end marker line of a document, which a generator owns: read it, or put new text in
 * its place and leave the rest of the document as it was.
 */
record MarkedSection(String start, String end) {

    static MarkedSection asciidoc(String name) {
        return new MarkedSection("// " + name + ": START", "// " + name + ": END");
    }

    static MarkedSection markdown(String name) {
        return new MarkedSection("<!-- " + name + ": START (generated from the component JSON: mvn test -Dtest=ComponentDocsTest -Dupdate.docs=true) -->",
                "<!-- " + name + ": END -->");
    }

    String in(String document) {
        int from = startOfContent(document);
        return document.substring(from, endMarker(document, from));
    }

    String replacedIn(String document, String content) {
        int from = startOfContent(document);
        return document.substring(0, from) + content + document.substring(endMarker(document, from));
    }

    private int startOfContent(String document) {
        int at = document.indexOf(start + "\n");
        if (at < 0 || document.indexOf(start + "\n", at + 1) >= 0) {
            throw new IllegalStateException("expected the marker line '" + start + "' once");
        }
        return at + start.length() + 1;
    }

    private int endMarker(String document, int from) {
        int at = document.indexOf(end, from);
        if (at < 0) {
            throw new IllegalStateException("no marker line '" + end + "' after '" + start + "'");
        }
        return at;
    }
}
