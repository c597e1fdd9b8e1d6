import Foundation

/// An advisory lock (`flock`) on the folder that holds a gradebook, held while a process opens
/// the gradebook and sets it up (WAL mode, tables), so two processes never do that at once.
///
/// The lock is on the folder, not on the database file: SQLite's own locks are `fcntl` locks on
/// the database, which a process loses when it closes any descriptor of that file. Every opener
/// goes through `Gradebook.init`, so every opener takes this lock; students are saved without it.
enum SetupLock {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` holding the lock of the folder of `database`, waiting for another holder to finish.
    static func holding<T>(for database: URL, _ body: () throws -> T) throws -> T {
        let folder = database.deletingLastPathComponent().path
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Failure(description: "cannot open \(folder) to lock the gradebook: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }  // closing the descriptor releases the lock
        var locked = flock(fd, LOCK_EX)
        while locked != 0 && errno == EINTR { locked = flock(fd, LOCK_EX) }
        guard locked == 0 else {
            throw Failure(description: "cannot lock \(folder) to set the gradebook up: \(String(cString: strerror(errno)))")
        }
        return try body()
    }
}
