/// The shell steps of the GitHub Classroom workflow (see `ClassroomWorkflow`). Each runs in the
/// job's workspace, which holds `submission/` (the student's repository) and `grader/` (the
/// instructor's course at the pinned commit), under Actions' `bash -e -o pipefail`.
enum ClassroomScripts {
    /// Fetches exactly `commit` of the instructor's repository into `grader/`, and checks it is that commit.
    static func takeGrader(repository: String, commit: String) -> String {
        """
        git init -q grader
        git -C grader fetch -q --depth 1 '\(repository)' \(commit)
        git -C grader checkout -q --detach FETCH_HEAD
        test "$(git -C grader rev-parse HEAD)" = \(commit)
        """
    }

    /// Lists, as warnings, every tracked file outside `Sources/Exercises` whose content differs
    /// between the submission and the course at the pinned commit (added, changed or deleted). The
    /// workflow file itself is not compared: it is written after the commit it pins.
    static func listChangedFiles(commit: String, workflowPath: String) -> String {
        """
        changed=$({ git -C submission -c core.quotePath=false ls-files; git -C grader -c core.quotePath=false ls-files; } \\
            | sort -u | while IFS= read -r path; do
                case "$path" in Sources/Exercises/*|\(workflowPath)) continue ;; esac
                cmp -s "submission/$path" "grader/$path" || printf '%s\\n' "$path"
            done)
        if [ -z "$changed" ]; then
            echo "Every file outside Sources/Exercises is as in the course at \(commit)."
            exit 0
        fi
        echo "Changed outside Sources/Exercises (not graded: the course at \(commit) is used instead):"
        echo "### Changed outside Sources/Exercises (not graded)" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
        printf '%s\\n' "$changed" | while IFS= read -r path; do
            echo "::warning title=Not graded::$path differs from the course; only Sources/Exercises is graded"
            echo "- $path" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
        done
        """
    }

    /// Installs the Debian packages the course and Swift need, and the Swift toolchain, on the
    /// runner (`ubuntu-24.04`, passwordless sudo); puts Swift first on the later steps' PATH.
    static func install(swiftVersion: String, packages: [String]) -> String {
        """
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \(packages.joined(separator: " "))
        version=\(swiftVersion)
        curl -fsSL "https://download.swift.org/swift-$version-release/ubuntu2404/swift-$version-RELEASE/swift-$version-RELEASE-ubuntu24.04.tar.gz" \\
            | sudo tar -xz -C /opt
        echo "/opt/swift-$version-RELEASE-ubuntu24.04/usr/bin" >> "$GITHUB_PATH"
        """
    }

    /// Builds the course as the instructor committed it (its own stubs), so the pieces' steps only
    /// compile the student's files against it, and a student's compile error costs only points.
    static let build = "swift build --package-path grader --product vlm-course"

    /// Puts the student's `Sources/Exercises` — and nothing else of theirs — into the grader.
    /// Symlinks are removed (one could point at the reference); a missing folder leaves the stubs.
    static let takeExercises = """
        rm -rf grader/Sources/Exercises
        if [ -d submission/Sources/Exercises ] && [ ! -L submission/Sources/Exercises ]; then
            cp -R submission/Sources/Exercises grader/Sources/Exercises
            find grader/Sources/Exercises -type l | while IFS= read -r link; do
                echo "::warning title=Not graded::${link#grader/} is a symlink; it was removed"
                rm -f "$link"
            done
        else
            git -C grader checkout -q -- Sources/Exercises
            echo "::warning title=Not graded::the submission has no Sources/Exercises folder; the stubs are graded"
        fi
        """

    /// The command of one piece's grader step: `vlm-course check` exits 0 only when the piece passes.
    static func checkPiece(_ id: String) -> String { "cd grader && .build/debug/vlm-course check \(id)" }
}
