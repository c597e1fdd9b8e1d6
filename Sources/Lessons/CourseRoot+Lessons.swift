import Contracts

extension CourseRoot {
    /// The course of the current directory (or `VLM_COURSE_ROOT`), as every command finds it.
    /// - Throws: `CourseError.noCourse`.
    static func find() throws(CourseError) -> CourseRoot {
        do {
            return try CourseRoot.locate()
        } catch {
            throw .noCourse(error)
        }
    }

    /// The pieces that passed their latest check, from the progress file the grader writes.
    /// - Throws: `CourseError.malformed` when the file is not usable.
    func donePieces() throws(CourseError) -> Set<PieceID> {
        do {
            return Set(try CourseProgress(root: self).done)
        } catch {
            throw .malformed(path: ".vlm-course/progress.json", reason: "\(error)")
        }
    }
}
