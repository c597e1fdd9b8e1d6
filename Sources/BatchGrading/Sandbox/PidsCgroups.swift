import Foundation

/// One cgroup-v1 `pids` controller folder per worker, capping the tasks (processes and threads)
/// a student's code can have at once. RLIMIT_NPROC alone does not bind when grading runs as
/// root, so this is what stops a fork bomb there. Used only where the controller is writable.
public struct PidsCgroups: Sendable {
    public static let controller = URL(fileURLWithPath: "/sys/fs/cgroup/pids")
    let folders: [URL]

    /// Creates `jobs` cgroups allowing `maxTasks` each, or returns nil when that is not possible.
    public static func make(jobs: Int, maxTasks: Int) -> PidsCgroups? {
        let fm = FileManager.default
        removeStale()
        var folders: [URL] = []
        for worker in 0..<jobs {
            let folder = controller.appendingPathComponent("vlm-course-grade-\(getpid())-\(worker)")
            guard (try? fm.createDirectory(at: folder, withIntermediateDirectories: false)) != nil,
                  (try? "\(maxTasks)".write(to: folder.appendingPathComponent("pids.max"), atomically: false,
                                            encoding: .utf8)) != nil else {
                folders.forEach { rmdir($0.path) }
                return nil
            }
            folders.append(folder)
        }
        return PidsCgroups(folders: folders)
    }

    func folder(worker: Int) -> URL? { folders.isEmpty ? nil : folders[worker % folders.count] }

    /// Removes this batch's cgroups (they are empty once every piece has ended).
    public func remove() { folders.forEach { rmdir($0.path) } }

    /// Cgroups left by a batch that was killed (its process is gone).
    private static func removeStale() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: controller.path)) ?? []
        for name in names where name.hasPrefix("vlm-course-grade-") {
            let owner = name.split(separator: "-").dropLast().last.flatMap { pid_t($0) }
            if let owner, kill(owner, 0) != 0 { rmdir(controller.appendingPathComponent(name).path) }
        }
    }
}
