/// The one character ramp of terminal pictures without colour (heatmaps, colour bars, maps over a
/// photo): ten steps from blank to `@`.
enum CharacterRamp {
    static let characters = Array(" .:-=+*#%@")

    /// The character for fraction `t` of a scale: ten equal bins, `[0, 0.1)` → " " … `[0.9, 1]` → "@",
    /// values outside `[0, 1]` clamped to the ends (so a map scaled to its maximum shows "@" there).
    static func character(_ t: Double) -> Character {
        characters[Swift.min(Swift.max(Int(t * Double(characters.count)), 0), characters.count - 1)]
    }
}
