// The kinds of mistake the twelfth session's sets and reviewer showed (2026-11-30): each mechanism
// with sentences of our own that need it, and the sentence beside it that must still trip.
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (twelfth session)")
struct JudgementKindsFifteenthTests {
    @Test("A number the reader is told to call for a service is the organisation's line, without settings")
    func serviceLines() {
        #expect(judge("Hi, this is Example Dental reminding you of your cleaning on Tue 6/11 at 9:30am. Call 617-555-0100 to reschedule.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Yes! We accept most major plans. Call 617-555-0100 with any questions.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Flu shots are back! Call us at 617-555-0100 for appointments.").verdict == .pass)
        #expect(judge("Llame al 617-555-0130 para confirmar su cita.", kind: .message, channel: "sms").verdict == .pass)
        // Someone's number, even with a purpose after it, is theirs.
        #expect(judge("Call Maria at 617-555-0142 to book her follow-up.").verdict == .block)
        #expect(judge("Text me at 617-555-0142 to confirm.").verdict == .block)
        #expect(judge("Call 617-555-0142 anytime.").verdict == .block)
    }

    @Test("Our supervisor's or manager's line, and 'the chance to talk with you', are ours")
    func ourPeoplesLines() {
        #expect(judge("Please reach out to our scheduling supervisor directly so we can look into this privately: 617-555-0100.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("We hear your frustration. Our patient relations team would welcome the chance to talk with you: 617-555-0100.", kind: .reply, channel: "google").verdict == .pass)
        // Our nurse calling you at a number: that number is yours.
        #expect(judge("Our nurse will call you at 617-555-0142 tomorrow.", kind: .reply, channel: "google").verdict > .pass)
    }
}
