import Contracts
import TensorKit

extension MaskRequest {
    /// Each family's mask `[T, T]` (true = masked), computed with `pieces`.
    public func masks(using pieces: Implementations) -> [(family: MaskFamily, mask: Mask)] {
        families.map { family in
            (family, family.rule(layout(for: family), window: window, chunk: chunk, using: pieces).mask(length: layout.count))
        }
    }

    /// `masks` (from `masks(using:)` or `decodedMasks(_:)`) drawn for `output`: the ✓/✗ grids (side
    /// by side with `--all`), one JSON line, or a PNG (then a line naming the file).
    /// - Throws: `FigureError.cannotWritePNG`.
    public func rendered(_ masks: [(family: MaskFamily, mask: Mask)], to output: PlotOutput) throws(FigureError) -> String {
        switch output {
        case .json:
            let objects = masks.map { json($0.family, $0.mask) }
            guard isAll else { return objects[0] + "\n" }
            return "{\"types\":\"\(types)\",\"window\":\(window.map(String.init) ?? "null"),"
                + "\"chunk\":\(chunk.map(String.init) ?? "null"),\"families\":[" + objects.joined(separator: ",") + "]}\n"
        case .terminal(let style):
            let footer = "✓ may attend, ✗ masked; rows are queries, columns keys."
                + (isAll && layout.contains(.prompt) ? " Outside paligemma, p reads as text." : "") + "\n"
            guard isAll else { return title(masks[0].family) + "\n" + grid(masks[0].mask) + "\n" + footer }
            let blocks = masks.map { [title($0.family)] + grid($0.mask).split(separator: "\n").map(String.init) }
            return MaskDiagram.sideBySide(blocks, width: style.width) + "\n" + footer
        case .png(let path, let dpi):
            let figure = self.figure(masks)
            try figure.writePNG(to: path, dpi: dpi)
            return "Wrote \(path) (\(Int((figure.size.width * dpi).rounded()))×\(Int((figure.size.height * dpi).rounded())) pixels)\n"
        }
    }

    /// `{"family": …, "types": …, "masked": [[…], …]}`, written directly (a 4,096-token mask has 16.8
    /// million entries). The layout holds only the letters t, i and p, so it needs no escaping.
    private func json(_ family: MaskFamily, _ mask: Mask) -> String {
        let T = layout.count
        let rows = (0..<T).map { q in "[" + mask.values[q * T..<(q + 1) * T].map { $0 ? "true" : "false" }.joined(separator: ",") + "]" }
        return "{\"family\":\"\(family.rawValue)\",\"types\":\"\(types)\",\"masked\":[" + rows.joined(separator: ",") + "]}"
    }

    private func title(_ family: MaskFamily) -> String {
        var parts = ["\(family.rawValue) (\(family.model))"]
        if family.needsWindow, let window { parts.append("window \(window)") }
        if family.needsChunk, let chunk { parts.append("chunk \(chunk)") }
        return parts.joined(separator: ", ")
    }

    /// The ✓/✗ grid labelled with the letters, a line where the letter changes.
    private func grid(_ mask: Mask) -> String {
        MaskDiagram.grid(mask, labels: types.map(String.init), groupStarts: Set(layout.runStarts))
    }

    /// One panel per family, red = masked, lines where the letter changes and the runs' letters beside them.
    private func figure(_ masks: [(family: MaskFamily, mask: Mask)]) -> Figure {
        let runs = zip([0] + layout.runStarts, layout.runStarts + [layout.count]).map { $0..<$1 }
        let labels = runs.count > 16 ? [] : runs.flatMap { run in
            let letter = String(layout[run.lowerBound].rawValue)
            return [RegionLabel(letter, side: .top, span: run), RegionLabel(letter, side: .left, span: run)]
        }
        let panels = masks.map { family, mask in
            Panel(title: title(family), xLabel: "Key Position", yLabel: "Query Position",
                  data: mask.asFloat.rows, vmin: 0, vmax: 1, colorMap: .redYellowGreenReversed,
                  separators: layout.runStarts.map { Separator(index: $0, style: .solid, color: .black) },
                  regionLabels: labels, hasColorBar: !isAll, colorBarLabel: "Masked")
        }
        let columns = min(panels.count, 4), rows = (panels.count + columns - 1) / columns
        let size = isAll ? Figure.Size(width: 4.5 * Double(columns), height: 4.5 * Double(rows) + 0.5)
                         : Figure.Size(width: 7, height: 6)
        return Figure(name: "mask", seed: nil, suptitle: isAll ? "Masks over \(types)" : nil, panels: panels,
                      gridColumns: columns, size: size)
    }
}
