import Foundation

/// Free space, checked before grading where the build work goes (objects, runners) and where the
/// gradebook and exports go, against an estimate for the class; a refusal gives the figures.
///
/// Estimates (measured on a debug build: a runner is 2 MB, its objects and module 0.1 MB, one
/// student's gradebook rows and exports about 45 KB, the warmed module cache 17 MB):
/// - one student's build work: the size of `libCourseKit.a` (the runner links part of it, so it
///   bounds the runner) plus 4 MiB for objects, sources and the driver's temporary files, twice (a
///   runner linked a second time after a failed first link); `jobs` students are built at once;
/// - once per run: 32 MiB (the module cache, the runner object);
/// - per student in OUT: 128 KiB (rows, exports, and the old and new export during a rename).
public enum SpacePreflight {
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    static let oneTime: Int64 = 32 << 20
    static let outPerStudent: Int64 = 128 << 10

    /// The build work of one student, at most, estimated from the course library.
    static func perStudent(library: URL) -> Int64 {
        let size = (try? FileManager.default.attributesOfItem(atPath: library.path)[.size] as? NSNumber)?.int64Value ?? 0
        return 2 * (size + (4 << 20))
    }

    /// Bytes available to this process on the file system that holds (or will hold) `url`, and that
    /// file system's id; a folder not made yet is looked up through its nearest existing parent.
    static func free(at url: URL) -> (bytes: Int64, device: UInt64)? {
        var info = statvfs(), status = stat()
        var path = url.standardizedFileURL.path
        while stat(path, &status) != 0 {
            guard path != "/" else { return nil }
            path = (path as NSString).deletingLastPathComponent
        }
        guard statvfs(path, &info) == 0 else { return nil }
        return (Int64(info.f_bavail) * Int64(info.f_frsize), UInt64(status.st_dev))
    }

    /// Throws `Refusal` when `work` or `out` has less free space than `students` need, `jobs` at a time.
    public static func check(work: URL, out: URL, students: Int, jobs: Int, library: URL) throws {
        let atOnce = min(jobs, max(students, 1))
        let build = Int64(atOnce) * perStudent(library: library) + oneTime
        let results = Int64(students) * outPerStudent + (1 << 20)
        guard let workSpace = free(at: work), let outSpace = free(at: out) else { return }
        let shared = workSpace.device == outSpace.device
        var short: [String] = []
        if shared, build + results > workSpace.bytes {
            short.append("\(mebibytes(build + results)) in \(work.path) and \(out.path) (one disk), "
                + "\(mebibytes(workSpace.bytes)) free")
        } else if !shared {
            if build > workSpace.bytes { short.append("\(mebibytes(build)) in \(work.path), \(mebibytes(workSpace.bytes)) free") }
            if results > outSpace.bytes { short.append("\(mebibytes(results)) in \(out.path), \(mebibytes(outSpace.bytes)) free") }
        }
        guard !short.isEmpty else { return }
        throw Refusal(description: "not enough free space to grade \(students) students, \(jobs) at a time: they need about "
            + short.joined(separator: "; ") + " (build work: \(atOnce) × \(mebibytes(perStudent(library: library))) per student, "
            + "estimated from libCourseKit.a, + \(mebibytes(oneTime)) once; gradebook and exports: "
            + "\(outPerStudent >> 10) KiB per student). Free some space, or put the build work on another disk with --scratch DIR")
    }

    static func mebibytes(_ bytes: Int64) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
