import Foundation
import KioskCore
import Logging
import Printing

/// The terminal's print jobs: each submitted once under its key, watched until it finishes, its
/// changes sent to the event stream and kept in the store.
///
/// A retried request (same key, same owner) gets the job it started, never a second print: the
/// key is held here while the job lives and is the job's name at the printer, so even a request
/// retried after a restart of the service finds the job cupsd already has. The store keeps each
/// job's state, so that its status still answers after a restart, and a job that was not finished
/// then is watched again when first asked about.
actor PrintDesk {
    private let service: any PrintService
    private let store: any KioskStore
    private let events: EventHub
    private let logger: Logger
    private let pollInterval: Duration
    /// The jobs of this run, and those of earlier runs once asked about.
    private var jobs: [String: (owner: String, status: PrintJobStatus)] = [:]

    /// How long a finished job's status stays readable.
    static let retention: TimeInterval = 24 * 3600

    init(
        service: any PrintService, store: any KioskStore, events: EventHub, logger: Logger,
        pollInterval: Duration = .milliseconds(500)
    ) {
        self.service = service
        self.store = store
        self.events = events
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// The job under `key`, submitting it first if it is new (`created`). `render` runs only for
    /// a new job, and names the paper with the document; a key someone else's job holds is refused.
    func submit(
        key: String,
        printerKey: IdempotencyKey,
        document: PrintRequestKind,
        queue: String,
        owner: String,
        at now: Date,
        render: @Sendable () async throws -> PrintableDocument
    ) async throws -> (status: PrintJobStatus, created: Bool) {
        try await forgetOldJobs(before: now.addingTimeInterval(-Self.retention))
        if let existing = try await job(key) {
            guard existing.owner == owner else { throw APIError.printKeyTaken }
            return (existing.status, false)
        }
        let queued = PrintJobStatus(
            key: key, document: document, queue: queue, state: .queued, messageChinese: PrintJobStatus.queued.zh,
            message: PrintJobStatus.queued.en, submittedAt: now, updatedAt: now)
        // Held before the first suspension since the lookup: a retry arriving while this one
        // renders finds it.
        jobs[key] = (owner, queued)
        let job: PrintJob
        do {
            let printable = try await render()
            job = try await service.submit(
                printable.document, to: .queue(queue), key: printerKey, options: printable.options)
        } catch {
            jobs[key] = nil
            TerminalMetrics.printJob(document, .notSent)
            throw error
        }
        var status = queued
        status.printerJobID = job.id
        jobs[key] = (owner, status)
        try await save(key)
        await publish(status)
        watch(key, job)
        return (status, true)
    }

    /// The job under `key`, for its owner or `anyone` allowed to see every job.
    func status(of key: String, owner: String, anyone: Bool) async throws -> PrintJobStatus {
        guard let entry = try await job(key), anyone || entry.owner == owner else {
            throw KioskError.notFound("print job", chinese: "该打印任务")
        }
        return entry.status
    }

    /// The job held here, or else as the store kept it from an earlier run; an unfinished job
    /// from the store is watched again.
    private func job(_ key: String) async throws -> (owner: String, status: PrintJobStatus)? {
        if let entry = jobs[key] { return entry }
        let record = try await store.printJob(key)
        // Another request may have brought the job in, or submitted it, meanwhile.
        if let entry = jobs[key] { return entry }
        guard let record else { return nil }
        let status = try JSONBody.decoder.decode(PrintJobStatus.self, from: record.status)
        jobs[key] = (record.owner, status)
        if !status.isFinished, let id = status.printerJobID {
            watch(key, PrintJob(target: .queue(status.queue), id: id, name: key, state: .pending))
        }
        return (record.owner, status)
    }

    private func save(_ key: String) async throws {
        guard let entry = jobs[key] else { return }
        try await store.savePrintJob(
            PrintJobRecord(
                key: key, owner: entry.owner, status: try JSONBody.encoder.encode(entry.status),
                finished: entry.status.isFinished, updatedAt: entry.status.updatedAt))
    }

    /// Saves the job's news; the job goes on if the store cannot take it just now.
    private func saveLogging(_ key: String) async {
        do {
            try await save(key)
        } catch {
            logger.warning("could not save a print job's state", metadata: ["key": "\(key)", "error": "\(error)"])
        }
    }

    private func watch(_ key: String, _ job: PrintJob) {
        let updates = service.progress(of: job, every: pollInterval, timeout: .seconds(3600))
        Task {
            do {
                for try await progress in updates { await self.update(key, with: progress) }
            } catch {
                await self.lost(key, error)
            }
        }
    }

    private func update(_ key: String, with progress: JobProgress) async {
        guard var entry = jobs[key] else { return }
        let before = entry.status
        entry.status.update(with: progress, at: Date())
        jobs[key] = entry
        if entry.status.isFinished, !before.isFinished {
            TerminalMetrics.printJob(entry.status.document, entry.status.state == .completed ? .completed : .failed)
        }
        var seen = entry.status
        seen.updatedAt = before.updatedAt
        if seen != before { await saveLogging(key) }
        if entry.status.state != before.state || entry.status.messageChinese != before.messageChinese {
            await publish(entry.status)
        }
    }

    /// The printer could no longer be asked about the job: say so, without guessing it failed.
    private func lost(_ key: String, _ error: any Error) async {
        logger.warning("lost track of a print job", metadata: ["key": "\(key)", "error": "\(error)"])
        guard var entry = jobs[key], !entry.status.isFinished else { return }
        TerminalMetrics.printJob(entry.status.document, .lost)
        entry.status.messageChinese = "暂时无法获取打印状态，请联系工作人员。"
        entry.status.message = "The printer's state cannot be read just now. Please ask staff for help."
        entry.status.updatedAt = Date()
        jobs[key] = entry
        await saveLogging(key)
        await publish(entry.status)
    }

    private func publish(_ status: PrintJobStatus) async {
        await events.publish(
            ServerEvent(
                type: "print-job", job: status.key, state: status.state.rawValue,
                messageChinese: status.messageChinese, message: status.message))
    }

    private func forgetOldJobs(before cutoff: Date) async throws {
        jobs = jobs.filter { !$0.value.status.isFinished || $0.value.status.updatedAt >= cutoff }
        try await store.forgetPrintJobs(finishedBefore: cutoff)
    }
}
