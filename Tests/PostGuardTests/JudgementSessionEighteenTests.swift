// The kinds of mistake the eighteenth session's sets showed (2026-12-01: the forty-sixth to
// forty-ninth sets and the twenty-first to twenty-third reviewers, studied after they had measured the
// seventeenth session, and the twenty-fourth to twenty-sixth reviewers): each mechanism with sentences
// of our own that need it, and the sentence beside it that must still be caught.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardPolicy
@testable import PostGuardConsent

@Suite("Policy: judgement by kind of mistake (eighteenth session)")
struct JudgementKindsTwentyFirstTests {
    @Test("A mailbox named by everyday words ('donorcare@', 'disputes@') is a desk's; one with a name, an initial or digits is a person's")
    func roleMailboxes() {
        #expect(judge("We're sorry to hear this. Please email donorcare@example.org so our coordinator can hear more.").verdict == .pass)
        #expect(judge("Account questions go to disputes@example.com or people-ops@example.com.").verdict == .pass)
        for address in ["ana.lopez@example.com", "jburke77@example.com", "rob@example.com", "a.ramos@example.org"] {
            #expect(judge("Send the discharge photos to \(address) tonight.").verdict == .block, "\(address)")
        }
    }

    @Test("A lone word no name list holds that is a town, a drug by its stem, or a schedule's day is no person; with a title it is one")
    func wordsThatAreNoOne() {
        #expect(judge("Thank you Millbrook! Our drop box collected 412 lbs of unused meds.").verdict == .pass)
        #expect(judge("Mrs. Millbrook started chemo today.").verdict == .block)
        #expect(judge("Flu shots now available! $25 self-pay. Walk-ins Mon–Fri 8am–5pm, Sat 9–1.").verdict == .pass)
        #expect(judge("Pakiusap ipagdasal si Jun-jun Reyes, na-diagnose ng leukemia kahapon.").verdict == .block)
        #expect(judge("Flu shots Saturday: pharmacist Dana Kowalski and pharmacy intern Marcus Lee will be vaccinating.").verdict == .pass)
        #expect(judge("Our patient Marcus Lee got his flu shot and a cast for his wrist today.").verdict == .block)
    }

    @Test("Messages: the reader's relative placed as a patient or at a clinic is passed-on care; a relative welcome at the reader's own visit is not")
    func relativePlacedAsPatient() {
        #expect(judge("fyi your dad is a patient here now", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("hey! your dad was at the cardiology clinic today, he looked good", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi Ana, reminder: your appointment is Tuesday at 9. Your dad is welcome to come with you.", kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("Replies: a wish with a word before the care ('the new meds'), a result its words bring, time since one occasion of care; our people named by the care they give")
    func repliesConfirmingCare() {
        let review = "Great staff, very caring."
        for reply in ["Hope the new meds are working!", "So happy the biopsy came back benign!",
                      "Hard to believe it's been a year since that emergency C-section!", "Your infusion nurses said the port works."] {
            #expect(judge(reply, kind: .reply, channel: "google", inReplyTo: review).verdict == .block, "\(reply)")
        }
        for reply in ["Hope the new flu shot clinic hours work better for everyone!", "Since the new cath lab opened we have seen more patients.",
                      "Our infusion nurses are the best — thank you for the love!"] {
            #expect(judge(reply, kind: .reply, channel: "google", inReplyTo: review).verdict == .pass, "\(reply)")
        }
    }

    @Test("A staff member's short first name ('Bernie' for Bernadette) is that staff member; a patient who shares only part of it is not")
    func staffShortForms() {
        #expect(judge("After 38 years on 5 North, nurse Bernadette \"Bernie\" Okafor is retiring 🎉 Bernie has held the hands of thousands of cancer patients.").verdict == .pass)
        #expect(judge("Our nurse Bernadette Okafor cared for Bernie Walsh after his stroke.").verdict == .block)
        #expect(Combinations.isShortForm("chris", of: "christine") && Combinations.isShortForm("katie", of: "katherine"))
        #expect(!Combinations.isShortForm("ben", of: "ben") && !Combinations.isShortForm("al", of: "alan") && !Combinations.isShortForm("maria", of: "marion"))
    }

    static let records = """
        {"id": "C-1", "subject": "Yolanda Mbeki", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Screening story", "recipient": "Marketing and the public", "information": "Name, screening, DCIS", "signer": "Yolanda Mbeki", "authority": null, "expires_event": null}
        {"id": "C-2", "subject": "Yolanda Mbeki", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "n/a", "recipient": "Marketing and the public", "information": "Name, screening, DCIS", "signer": "Yolanda Mbeki", "authority": null, "expires_event": null}
        {"id": "C-3", "subject": "Yolanda Mbeki", "channels": [], "signed": "2026-05-02", "expires": null, "revoked": null, "purpose": "Screening story", "recipient": "Marketing and the public", "information": "Name, screening, DCIS", "signer": "Yolanda Mbeki", "authority": null, "expires_event": "until revoked"}
        {"id": "C-4", "subject": "Grace Oyelaran", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Stroke recovery story", "recipient": "Marketing and the public", "information": "Name, stroke, rehabilitation", "signer": "Grace Oyelaran", "authority": null, "expires_event": null}
        """

    @Test("Consent: a name after a relation noun is a person the story shows wherever it is named again; a relation word in an apposition after the subject is the subject")
    func whoTheStoryShows() throws {
        let records = try ConsentJSONL.parse(Data(Self.records.utf8), source: "c.jsonl")
        func story(_ text: String, _ id: String = "C-1") -> Verdict {
            judge(text, consent: [id], publishAt: "2026-12-01", consents: records).verdict
        }
        #expect(story("Yolanda Mbeki and her sister Nomvula both came to the bus this spring. Nomvula got a biopsy too.") == .block)
        #expect(story("Yolanda Mbeki came to the bus this spring with her sister Nomvula. Yolanda's screen found early DCIS.") == .pass)
        #expect(story("Grace Oyelaran, architect and wife, had a stroke in May. Today she is back at work!", "C-4") == .pass)
        #expect(story("Grace Oyelaran had a stroke in May, and her wife had a stroke in June.", "C-4") == .block)
    }

    @Test("Consent: a placeholder for a form's element ('n/a') is no element; an expiry event that never comes is no expiration")
    func placeholdersAreNoElements() throws {
        let records = try ConsentJSONL.parse(Data(Self.records.utf8), source: "c.jsonl")
        let text = "Yolanda Mbeki came to the bus this spring and her screen found early DCIS. Book yours!"
        #expect(judge(text, consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        #expect(judge(text, consent: ["C-2"], publishAt: "2026-12-01", consents: records).verdict == .block)
        #expect(judge(text, consent: ["C-3"], publishAt: "2026-12-01", consents: records).verdict == .block)
        #expect(records[1].problems().contains { $0.hasPrefix("purpose is missing") })
        #expect(records[2].problems().contains { $0.contains("does not end the authorization") })
        #expect(records[0].problems().isEmpty)
    }
}
