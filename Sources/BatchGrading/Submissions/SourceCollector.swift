import Foundation

/// Finds the Swift files of a submission without following symlinks out of it.
///
/// Accepted layouts: the exercise files themselves (any folders), optionally wrapped in one
/// folder; or a course checkout with `Sources/Exercises` (at the top or one or two folders down).
struct SourceCollector {
    let limits: ArchiveExtractor.Limits
    /// Folders never searched: build products, tests, and copies of the course's other code.
    static let ignoredFolders: Set<String> = [".build", "Tests", "Stubs", "Solutions", "Packages"]

    /// `Sources/Exercises` when the submission is a course checkout, else the folder with the code.
    static func exercisesRoot(in top: URL) -> URL {
        var level = [top], candidates = [top]
        for _ in 0..<2 {
            level = level.flatMap(subfolders)
            candidates += level
        }
        for candidate in candidates {
            let exercises = candidate.appendingPathComponent("Sources/Exercises")
            if isFolder(exercises) { return exercises }
        }
        var root = top
        while let only = onlyChildFolder(root) { root = only }
        return root
    }

    func collect(in root: URL) throws -> (files: [(relative: String, url: URL)], notes: [String]) {
        var files: [(relative: String, url: URL)] = [], notes: [String] = []
        var bytes = 0
        let keys: [URLResourceKey] = [.isSymbolicLinkKey, .isRegularFileKey, .isDirectoryKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                          options: [.skipsHiddenFiles]) else { return ([], []) }
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: Set(keys))
            let relative = url.standardizedFileURL.path.replacingOccurrences(of: prefix, with: "")
            if values.isSymbolicLink == true {
                if url.pathExtension == "swift" { notes.append("skipped “\(relative)”: symlinks are not followed") }
                if values.isDirectory == true { walker.skipDescendants() }
                continue
            }
            if values.isDirectory == true {
                if Self.ignoredFolders.contains(url.lastPathComponent) { walker.skipDescendants() }
                continue
            }
            guard values.isRegularFile == true, url.pathExtension == "swift", url.lastPathComponent != "Package.swift"
            else { continue }
            bytes += values.fileSize ?? 0
            guard files.count < limits.maxFiles, bytes <= limits.maxTotalBytes else {
                throw ArchiveExtractor.Failure.tooLarge("more Swift code than \(limits.maxTotalBytes >> 20) MiB "
                    + "or \(limits.maxFiles) files")
            }
            files.append((relative, url))
        }
        return (files, notes)
    }

    private static func subfolders(_ url: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !ignoredFolders.contains($0) }.sorted()
            .map { url.appendingPathComponent($0) }.filter(isFolder)
    }

    private static func onlyChildFolder(_ url: URL) -> URL? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }
        guard names.count == 1 else { return nil }
        let child = url.appendingPathComponent(names[0])
        return isFolder(child) ? child : nil
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey])
        return values?.isSymbolicLink != true
            && FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
