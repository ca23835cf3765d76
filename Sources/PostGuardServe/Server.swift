// Serve: `postguard serve` — the staff page, the rule guide and the JSON API on Hummingbird, bound
// to loopback unless told otherwise. There is no authentication, so nothing here is logged or
// stored: no request body, no draft text, no files written. Every handler answers; input can make a
// 400 or 413, never a crash.
import Foundation
import HTTPTypes
import Hummingbird
import PostGuard

public struct ServeOptions: Sendable {
    public var host: String
    /// 0 picks a free port (tests); the port bound is passed to `onRunning`.
    public var port: Int
    /// Largest request body, in bytes. A long post is a few KB; this admits a draft of a few hundred
    /// KB and bounds how long one request can hold a core.
    public var maxBodyBytes: Int
    /// Seconds a connection may sit idle before it is closed, so idle clients cannot hold sockets.
    public var idleTimeoutSeconds: Int64

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultMaxBodyBytes = 256 * 1024

    public init(host: String = ServeOptions.defaultHost, port: Int = ServeOptions.defaultPort,
                maxBodyBytes: Int = ServeOptions.defaultMaxBodyBytes, idleTimeoutSeconds: Int64 = 30) {
        self.host = host; self.port = port; self.maxBodyBytes = maxBodyBytes; self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// Whether `host` is reachable only from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }
}

public enum StaffServer {
    /// Every route: the page and its assets, the rule guide, and the API.
    public static func router(checker: DraftChecker, options: ServeOptions) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        let guide = RuleGuide(catalog: checker.catalog, library: checker.setup.library)

        router.get("/") { _, _ in html(StaffPage.html) }
        router.get("/page.css") { _, _ in respond(.ok, "text/css; charset=utf-8", Array(StaffPage.css.utf8)) }
        router.get("/page.js") { _, _ in respond(.ok, "text/javascript; charset=utf-8", Array(StaffPage.script.utf8)) }
        router.get("/rules") { _, _ in html(guide.index) }
        router.get("/rules/:id") { _, context in
            guard let id = context.parameters.get("id"), let page = guide.page(for: id) else {
                return respond(.notFound, "text/html; charset=utf-8", Array(guide.notFound.utf8))
            }
            return html(page)
        }
        router.get("/api/rules") { _, _ in respond(.ok, "application/json", guide.json) }

        router.post("/api/check") { request, _ in
            await check(request, checker: checker, options: options)
        }
        router.get("/api/consent/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            let query = request.uri.queryParameters
            var date: CalendarDate?
            if let text = query.get("date"), !text.isEmpty {
                guard let parsed = CalendarDate(iso: text), let year = parsed.year, year >= 1 else {
                    return problem(.badRequest, "date must be an ISO date, YYYY-MM-DD")
                }
                date = parsed
            }
            guard !id.isEmpty, id.count <= 200 else { return problem(.badRequest, "a consent id is needed: /api/consent/ID") }
            do {
                let status = try checker.consentStatus(id: id, channel: query.get("channel"), date: date)
                return respond(.ok, "application/json", encode(status))
            } catch {
                return problem(.internalServerError, "\(error)")
            }
        }
        return router
    }

    /// The server, ready to run; `onRunning` gets the port bound (useful with port 0).
    public static func application(checker: DraftChecker, options: ServeOptions,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var application = Application(
            router: router(checker: checker, options: options),
            server: .http1(configuration: .init(idleTimeout: .seconds(options.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "postguard"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) }
        )
        // Errors only, whatever `LOG_LEVEL` says: at `debug` Hummingbird logs decoding errors and
        // request metadata, and nothing a request sends may be logged.
        application.logger.logLevel = .error
        return application
    }

    /// Runs until interrupted (SIGINT or SIGTERM shut it down gracefully). For the command line,
    /// which is synchronous: the server runs on Swift's concurrency threads, one per core.
    public static func runUntilStopped(checker: DraftChecker, options: ServeOptions,
                                       onRunning: @escaping @Sendable (Int) async -> Void) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await application(checker: checker, options: options, onRunning: onRunning).runService() } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    // MARK: Handlers

    static func check(_ request: Request, checker: DraftChecker, options: ServeOptions) async -> Response {
        let limitText = "\(options.maxBodyBytes / 1024) KB"
        // Refuse early when the client says how much it will send; `collect` below holds the line
        // for bodies sent without a length.
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodyBytes {
            return problem(.contentTooLarge, "the request is larger than \(limitText); check a shorter draft")
        }
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            // Browsers send a cross-site form post without asking first; a JSON content type they do not.
            return problem(.unsupportedMediaType, "send the document as JSON with Content-Type: application/json")
        }
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: options.maxBodyBytes) } catch {
            if let error = error as? any HTTPResponseError, error.status == .contentTooLarge {
                return problem(.contentTooLarge, "the request is larger than \(limitText); check a shorter draft")
            }
            return problem(.badRequest, "the request body could not be read")
        }
        let document: Document
        do { document = try checker.document(fromJSON: Data(buffer: body)) } catch {
            return problem(.badRequest, error.description)
        }
        let report = checker.report(for: document)
        var response = respond(.ok, "application/json", report.json)
        if report.ruleFailures > 0 {
            response.headers[HTTPField.Name("PostGuard-Rule-Failures")!] = String(report.ruleFailures)
        }
        return response
    }

    // MARK: Responses

    static func html(_ text: String) -> Response { respond(.ok, "text/html; charset=utf-8", Array(text.utf8)) }

    static func respond(_ status: HTTPResponse.Status, _ contentType: String, _ bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"error": "reason"}`: the reason names what is wrong with the request, never its text.
    static func problem(_ status: HTTPResponse.Status, _ reason: String) -> Response {
        respond(status, "application/json", encode(["error": reason]))
    }

    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }
}

private final class Outcome: @unchecked Sendable {
    // @unchecked: written once by the server task before the semaphore is signalled, read after.
    var error: (any Error)?
}

/// Headers on every answer: nothing cached (answers hold drafts), nothing loaded from elsewhere (the
/// page works offline and a pasted draft cannot pull in a script), not framed by another site.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
