/// The state of Mali's diplomatic relations with one country.
public struct Relation: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        case active, severed, suspended
    }

    /// When relations began, at the precision the sources give; nil when unknown.
    public var established: PartialDate?
    public var status: Status
    /// When relations were broken off (required when the status is `severed`).
    public var severed: PartialDate?

    public init(established: PartialDate? = nil, status: Status = .active, severed: PartialDate? = nil) {
        self.established = established
        self.status = status
        self.severed = severed
    }
}
