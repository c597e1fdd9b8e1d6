import Contracts

/// What a submission scores with the default rubric (10 points a piece), from the catalog, so the
/// tests follow the course as pieces are added.
enum FullMarks {
    static let perPiece = 10.0
    static var total: Double { perPiece * Double(Catalog.exercises.count) }
    static var pieceCount: Int { Catalog.exercises.count }
}
