import Ccmark

/// Turns CommonMark text into `Block` values with libcmark.
///
/// This is the only file that imports `Ccmark`; no C pointer leaves it. The parsed document is
/// freed before `parse` returns.
public enum LessonParser {
    /// The blocks of `markdown`, with the course's fence roles and `$…$` formulas recognised.
    /// - Throws: `LessonFormatError` when a fence's info string is not understood.
    public static func parse(_ markdown: String) throws(LessonFormatError) -> [Block] {
        let byteCount = markdown.utf8.count
        let parsed = markdown.withCString { cmark_parse_document($0, byteCount, CMARK_OPT_DEFAULT) }
        guard let document = parsed else {
            throw LessonFormatError(reason: "libcmark could not parse the text")
        }
        defer { cmark_node_free(document) }
        return try blocks(childrenOf: document)
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func blocks(childrenOf node: OpaquePointer) throws(LessonFormatError) -> [Block] {
        var result: [Block] = []
        for child in children(of: node) {
            if let block = try block(child) { result.append(block) }
        }
        return result
    }

    private static func block(_ node: OpaquePointer) throws(LessonFormatError) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(childrenOf: node))
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(childrenOf: node))
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            for item in children(of: node) { items.append(try blocks(childrenOf: item)) }
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(try blocks(childrenOf: node))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .code(try FenceInfo.codeBlock(info: info, body: literal(node)))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(node))
        default:
            return nil
        }
    }

    private static func inlines(childrenOf node: OpaquePointer) -> [Inline] {
        InlineMath.extract(children(of: node).compactMap(inline))
    }

    private static func inline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: .text(literal(node))
        case CMARK_NODE_CODE: .code(literal(node))
        case CMARK_NODE_EMPH: .emphasis(inlines(childrenOf: node))
        case CMARK_NODE_STRONG: .strong(inlines(childrenOf: node))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            .link(destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                  inlines(childrenOf: node))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        default: nil  // inline HTML is not shown
        }
    }
}
