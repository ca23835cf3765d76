// Engine: a count of work done, for tests that check a stage is linear in its input. Time is no
// measure in a test (the machine is shared); steps counted where the work happens are.

/// Steps of work, counted by the stages that report into `WorkMeter.current` while a test has set
/// one (nil otherwise, so the count costs a task-local read and nothing else).
package final class WorkMeter: @unchecked Sendable {
    @TaskLocal package static var current: WorkMeter?
    private var total = 0
    package init() {}
    package var steps: Int { total }
    /// Counted on the thread that set the meter, which is the only one that sees it.
    package func count(_ steps: Int) { total += steps }
}
