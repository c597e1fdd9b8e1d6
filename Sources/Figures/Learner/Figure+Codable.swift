import Foundation

// A figure crosses a process boundary as JSON: the learner's runner computes it with the learner's
// pieces (`FigureChild`), the course tool decodes and draws it. The model types are `Codable` where
// they are declared; photos are not carried (figures computed from learner code have none).

extension Figure {
    /// Floats that are not finite (NaN in masked cells) travel as strings.
    private static let nonFinite = (positive: "inf", negative: "-inf", nan: "nan")

    /// The figure as JSON for `decoded(from:)` (not the `--json` schema, which is `json`).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: Self.nonFinite.positive, negativeInfinity: Self.nonFinite.negative, nan: Self.nonFinite.nan)
        return try encoder.encode(self)
    }

    /// A figure from `encoded()`; throws `FigureError.unreadable` when the data is not a drawable figure
    /// (it comes from another process).
    public static func decoded(from data: Data) throws(FigureError) -> Figure {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        guard let figure = try? decoder.decode(Figure.self, from: data) else {
            throw .unreadable("the figure the runner wrote is not valid figure JSON")
        }
        let drawable = !figure.panels.isEmpty && figure.gridColumns > 0 && figure.panels.allSatisfy { panel in
            !panel.data.isEmpty && !panel.data[0].isEmpty && panel.data.allSatisfy { $0.count == panel.data[0].count }
        }
        guard drawable else { throw .unreadable("the figure the runner wrote has an empty or ragged panel") }
        return figure
    }
}
