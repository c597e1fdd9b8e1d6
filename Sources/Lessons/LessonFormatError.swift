/// Why a lesson's text cannot be used; `LessonLibrary` adds the file name.
public struct LessonFormatError: Error, Equatable, Sendable {
    /// What is wrong, e.g. "table row 3 has 2 cells, the header has 3".
    public var reason: String

    /// An error with `reason`.
    public init(reason: String) {
        self.reason = reason
    }
}
