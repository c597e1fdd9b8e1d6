/// One heatmap of a figure: matplotlib's `ax.imshow(data, cmap, vmin, vmax)` with its title, axis
/// labels, ticks, separators, region labels and colour bar; optionally over a photo (`backdrop`).
public struct Panel: Sendable, Codable {
    public var title: String
    /// The notebook's `fontweight='bold'` (Part 5).
    public var isTitleBold: Bool
    public var xLabel: String
    public var yLabel: String
    /// `data[row][column]`: row = query token, column = key token.
    public var data: [[Float]]
    public var vmin: Float
    public var vmax: Float
    public var colorMap: ColorMap
    /// Column indices with a tick and a number.
    public var xTicks: [Int]
    /// Row indices with a tick and a number.
    public var yTicks: [Int]
    public var separators: [Separator]
    public var regionLabels: [RegionLabel]
    /// Whether the panel has a colour bar (`plt.colorbar(im, ax=ax, shrink=0.8)`).
    public var hasColorBar: Bool
    /// The colour bar's `label=`, if any.
    public var colorBarLabel: String?
    /// A photo the map is drawn over in PNGs (`nil`: a plain heatmap).
    public var backdrop: PhotoBackdrop?

    /// A panel of `data` with matplotlib's default ticks.
    /// - Precondition: `data` is non-empty and rectangular.
    public init(title: String, isTitleBold: Bool = false, xLabel: String, yLabel: String, data: [[Float]],
                vmin: Float, vmax: Float, colorMap: ColorMap = .blues, separators: [Separator] = [],
                regionLabels: [RegionLabel] = [], hasColorBar: Bool = true, colorBarLabel: String? = nil,
                backdrop: PhotoBackdrop? = nil) {
        precondition(!data.isEmpty && !data[0].isEmpty && data.allSatisfy { $0.count == data[0].count },
                     "Panel '\(title)': data must be a non-empty rectangle, got rows of \(data.map(\.count))")
        self.title = title
        self.isTitleBold = isTitleBold
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.data = data
        self.vmin = vmin
        self.vmax = vmax
        self.colorMap = colorMap
        self.xTicks = Ticks.indices(count: data[0].count)
        self.yTicks = Ticks.indices(count: data.count)
        self.separators = separators
        self.regionLabels = regionLabels
        self.hasColorBar = hasColorBar
        self.colorBarLabel = colorBarLabel
        self.backdrop = backdrop
    }

    /// Everything but the photo, which does not cross processes (`Figure.encoded()`).
    private enum CodingKeys: String, CodingKey {
        case title, isTitleBold, xLabel, yLabel, data, vmin, vmax, colorMap, xTicks, yTicks, separators,
             regionLabels, hasColorBar, colorBarLabel
    }

    public var rows: Int { data.count }
    public var columns: Int { data[0].count }

    /// The colour of cell (`row`, `column`), or `nil` for NaN.
    public func color(row: Int, column: Int) -> RGB? {
        colorMap.color(for: data[row][column], vmin: vmin, vmax: vmax)
    }
}
