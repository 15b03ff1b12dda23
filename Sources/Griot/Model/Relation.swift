/// The state of Mali's diplomatic relations with one country.
public struct Relation: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        case active, severed, suspended
    }

    /// When relations began, at the precision the sources give; nil when unknown.
    public var established: EDTFDate?
    public var status: Status
    /// When relations were broken off (required when the status is `severed`).
    public var severed: EDTFDate?

    public init(established: EDTFDate? = nil, status: Status = .active, severed: EDTFDate? = nil) {
        self.established = established
        self.status = status
        self.severed = severed
    }
}
