// The kinds of mistake the twenty-first and twenty-fifth verdict sets showed once they were opened
// for study (session 2026-11-30, eleventh; they had been kept unseen since they were written): each
// mechanism with sentences of our own that need it, and the sentence beside it that must still trip.
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (eleventh session)")
struct JudgementKindsThirteenthTests {
    @Test("A capitalised word between 'a' and a noun is a town or a brand, not a person; a listed name keeps its reading")
    func modifierIsNoName() {
        #expect(judge("Welcome Dr. Ana Ruiz to Harbor Cardiology, specializing in heart failure. She's a Millbrook native and a dad's best friend.").verdict == .pass)
        #expect(judge("Welcome Dr. Ana Ruiz to Harbor Cardiology, specializing in heart failure. She drives a Corolla daily.").verdict == .pass)
        // Someone named is still named.
        #expect(judge("Millbrook had a stroke last week and is on our neuro floor.").verdict == .block)
    }

    @Test("Short capitals joined by hyphens are a specialty, not a shouted name")
    func hyphenatedAcronyms() {
        #expect(judge("Dr. Lena Ortiz, OB-GYN, answers your questions live on the HPV vaccine and Pap tests.").verdict == .pass)
        #expect(judge("Dr. Lena Ortiz, ENT-ICU liaison, explains tracheostomy care at our free class.").verdict == .pass)
    }

    @Test("A bare role after a name in a signature marks one of our people")
    func signatureRoles() {
        #expect(judge("Shaky hands and sweating can mean low blood sugar: take 15 g of fast carbs. — Paula, nurse educator").verdict == .pass)
        #expect(judge("Flu shots save lives this winter. Questions? Ask Dev Patel, lead pharmacist, at the counter.").verdict == .pass)
        // A name with a diagnosis and no role is a patient's.
        #expect(judge("Shaky hands and sweating: Paula had low blood sugar again at lunch.").verdict > .pass)
    }

    @Test("A field of work against a condition is a topic")
    func fieldsOfWork() {
        #expect(judge("Thank you Marco, Tish and the whole crew: the people who clean our hospital ARE infection prevention.").verdict == .pass)
        #expect(judge("Thank you Marco for the wound care today, the infection is clearing.").verdict > .pass)
    }

    @Test("A practice reminding a family of a child's visit, in Spanish or as 'has his': the child is the family's")
    func familyRemindersInOtherWords() {
        #expect(judge("Hi Mrs. Ramos, this is Millbrook Pediatrics reminding you that Diego has his 4-year vaccines on Monday Dec 7 at 10:00. Please bring his vaccine card.", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Hola Sra. Ramos, le escribimos de Millbrook Pediatrics para recordarle que Diego tiene su vacuna de los 4 años el lunes. Traiga su cartilla de vacunación.", kind: .message, channel: "whatsapp").verdict == .pass)
        // Someone else's child with a diagnosis, to a group, is no reminder.
        #expect(judge("Hi all, reminder: Diego Ramos has strep, please bring your kids' shot cards Monday.", kind: .message, channel: "whatsapp").verdict > .pass)
    }
}
