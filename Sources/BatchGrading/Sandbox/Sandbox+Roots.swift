import Foundation

extension Sandbox {
    /// The folders a piece's sandbox shows read-only besides its runner, the fixtures and its scratch:
    /// the system's (`/usr`, `/bin`, `/lib`, `/lib64`, `/sbin`, `/etc`, those that exist) and the folder
    /// of every shared library loaded in this process that lies elsewhere (Swift's runtime, e.g.
    /// `/opt/swift/usr/lib/swift/linux`, whose other libraries a `-Onone` runner also loads).
    static let systemRoots: [String] = {
        let system = ["/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc"].filter { FileManager.default.fileExists(atPath: $0) }
        let elsewhere = Set(loadedLibraries().map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
            .filter { folder in !system.contains { folder == $0 || folder.hasPrefix($0 + "/") } }
        return system + elsewhere.sorted()
    }()

    /// The paths of the shared objects mapped in this process, from `/proc/self/maps` read to its end
    /// (the file reports a size of 0, so a read sized from it can come back short).
    private static func loadedLibraries() -> [String] {
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"),
              let data = try? handle.readToEnd() else { return [] }
        try? handle.close()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let path = line.split(separator: " ", omittingEmptySubsequences: true).last, path.hasPrefix("/"),
                  path.contains(".so") else { return nil }
            return String(path)
        }
    }
}
