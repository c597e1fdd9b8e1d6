import Foundation

/// Finds duplicate keys of the top-level JSON object, which `JSONSerialization` silently merges
/// (the last value wins). The reference safetensors reader rejects such headers.
///
/// Runs only on text `JSONSerialization` has already accepted, so it can be a plain scanner:
/// it tracks string literals (with `\` escapes) and nesting depth, and takes each string at depth 1
/// followed by `:` as a key. Keys are compared after JSON unescaping, so `"a"` and `"\u0061"` clash.
enum JSONKeyScanner {
    static func firstDuplicateTopLevelKey(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var seen = Set<String>()
        var depth = 0
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let start = i
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                let literal = bytes[start...min(i, bytes.count - 1)]
                i += 1
                guard depth == 1 else { continue }
                var j = i
                while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { continue }
                let key = unescape(Array(literal))
                if !seen.insert(key).inserted { return key }
                continue
            }
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
            if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") { depth -= 1 }
            i += 1
        }
        return nil
    }

    /// The value of a JSON string literal (quotes included), or the raw text if it cannot be decoded.
    private static func unescape(_ literal: [UInt8]) -> String {
        let data = Data(literal)
        if let s = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? String { return s }
        return String(decoding: literal, as: UTF8.self)
    }
}
