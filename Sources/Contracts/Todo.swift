import Foundation

/// Marks a piece as not done yet. Stops the program with exit status `TodoMarker.exitStatus` and
/// a line on standard error that the grader reports as `todo` (not as a crash).
public func todo(_ piece: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    FileHandle.standardError.write(Data("\(TodoMarker.prefix)\(piece) is not implemented yet (\(file):\(line))\n".utf8))
    exit(TodoMarker.exitStatus)
}

/// How a `todo()` stop is recognised from outside the process.
public enum TodoMarker {
    public static let exitStatus: Int32 = 86
    public static let prefix = "TODO: "
}
