/// How far a build has got, reported while it runs so a front end can show a progress line.
public struct BuildProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case loading
        case rendering
        case swapping
    }

    public var stage: Stage
    /// Files done in this stage.
    public var done: Int
    /// Files this stage has in all (0 when not known yet).
    public var total: Int
}
