import Foundation

/// The layers and heads a user asks to see, as typed (`--layers 0,3,-1`, `--head 3|mean`), checked
/// against the model's counts.
public enum AttentionChoice {
    /// The notebook's layer grid, where the model has those layers: 0, 3, 6, 9, 11 and the last.
    public static let defaultLayers = [0, 3, 6, 9, 11, -1]

    /// Layer indices `0..<count` from comma-separated `text` (negative counts from the end;
    /// repeats dropped, order kept), or `defaultLayers` that exist when `text` is nil.
    /// - Throws: `.notALayer` for a part that is no integer in `-count..<count`, `.noLayers` for none.
    public static func layers(_ text: String?, count: Int) throws(AttentionInputError) -> [Int] {
        var chosen: [Int] = []
        func add(_ n: Int) { if !chosen.contains(n < 0 ? n + count : n) { chosen.append(n < 0 ? n + count : n) } }
        guard let text else {
            defaultLayers.filter { $0 >= -count && $0 < count }.forEach(add)
            return chosen
        }
        for part in text.split(separator: ",") {
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= -count, n < count else {
                throw .notALayer(part: String(part), count: count)
            }
            add(n)
        }
        if chosen.isEmpty { throw .noLayers }
        return chosen
    }

    /// `.mean` for "mean", else `.head(h)` for an index `h` in `0..<count`.
    public static func head(_ text: String, count: Int) throws(AttentionInputError) -> HeadSelection {
        if text == "mean" { return .mean }
        guard let h = Int(text), h >= 0, h < count else { throw .notAHead(text: text, count: count) }
        return .head(h)
    }
}
