import Foundation

/// How long one stage of a build took.
public struct StageTiming: Sendable, Equatable {
    /// `load`, `resolve`, `prepare`, `render` or `commit`.
    public var stage: String
    public var seconds: Double
}

/// Measures the stages of a build one after another.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var stages: [StageTiming] = []

    /// Ends the stage running since the previous call (or since the clock was made).
    mutating func end(_ stage: String) {
        let now = DispatchTime.now()
        stages.append(StageTiming(stage: stage, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
