import Foundation

extension Figure {
    /// The figure's data as one line of JSON:
    /// `{"figure": NAME, "seed": N, "panels": [{"title": …, "rows": R, "cols": C, "data": [[…]]}]}`.
    ///
    /// Numbers use Swift's shortest round-trip form of each `Float`, so parsing them gives back
    /// the exact values; NaN and infinities become `null`. `seed` is `null` for data without one.
    public var json: String {
        let panelObjects = panels.map { panel in
            let rows = panel.data.map { "[" + $0.map(Self.jsonNumber).joined(separator: ", ") + "]" }
            return "{\"title\": \(Self.jsonString(panel.title)), \"rows\": \(panel.rows), \"cols\": \(panel.columns), "
                + "\"data\": [" + rows.joined(separator: ", ") + "]}"
        }
        let seedText = seed.map { String($0) } ?? "null"
        return "{\"figure\": \(Self.jsonString(name)), \"seed\": \(seedText), \"panels\": ["
            + panelObjects.joined(separator: ", ") + "]}"
    }

    static func jsonNumber(_ value: Float) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
