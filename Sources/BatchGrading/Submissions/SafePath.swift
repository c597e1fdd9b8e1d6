import Foundation

/// Archive entry names that stay inside the folder they are unpacked into.
enum SafePath {
    /// `name` as a relative path without `.` components, or nil when it is absolute, climbs out
    /// with `..`, or names nothing. Backslashes (Windows zip tools) count as separators.
    static func relative(_ name: String) -> String? {
        let name = name.replacingOccurrences(of: "\\", with: "/")
        guard !name.hasPrefix("/"), !name.contains("\0") else { return nil }
        let parts = name.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }
}
