import Foundation

extension Sandbox {
    /// The folders a piece's sandbox shows read-only besides its runner, the fixtures and its scratch:
    /// the system's (`/usr`, `/bin`, `/lib`, `/lib64`, `/sbin`, `/etc`, those that exist) and the folder
    /// of every shared library this process has loaded that lies elsewhere (Swift's runtime, e.g.
    /// `/opt/swift/usr/lib/swift/linux`): a student's runner loads a subset of them.
    static let systemRoots: [String] = {
        let system = ["/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc"].filter { FileManager.default.fileExists(atPath: $0) }
        let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
        let libraries = maps.split(separator: "\n").compactMap { line -> String? in
            guard let path = line.split(separator: " ", omittingEmptySubsequences: true).last, path.hasPrefix("/"),
                  path.contains(".so") else { return nil }
            return URL(fileURLWithPath: String(path)).deletingLastPathComponent().path
        }
        let elsewhere = Set(libraries).filter { folder in !system.contains { folder == $0 || folder.hasPrefix($0 + "/") } }
        return system + elsewhere.sorted()
    }()
}
