### inbox messages of the staff workspace (en). Every key must also be in the other language.

admin-inbox-title = Inbox
admin-inbox-intro = Reports from every channel, urgent ones first, then newest. No report text is shown here, so the list is safe on a shared screen: open a report to read it.
admin-inbox-filters = Filter the inbox
admin-inbox-status = Status
admin-inbox-channel = Channel
admin-inbox-kind = Kind of violence
admin-inbox-province = Province or territory
admin-inbox-any = Any
admin-inbox-flagged_only = Only flagged (arrived in a flood)
admin-inbox-urgent_only = Only urgent
admin-inbox-status_open = New and in review
admin-inbox-status_any = Every status
admin-inbox-sort_label = Order
admin-inbox-choose = Choose
admin-inbox-choose_row = Choose the report received { $received }
admin-inbox-urgent_because = Urgent: { $why }
admin-inbox-apply = Filter
admin-inbox-clear = Clear filters
admin-inbox-count =
    { $count ->
        [one] { $count } report
       *[other] { $count } reports
    }
admin-inbox-workload_you =
    { $count ->
        [one] Today you opened { $count } report.
       *[other] Today you opened { $count } reports.
    }
admin-inbox-workload_team =
    { $count ->
        [one] Today the team opened { $count } report.
       *[other] Today the team opened { $count } reports.
    }
admin-inbox-empty = No reports match.
admin-inbox-received = Received
admin-inbox-assignee = Assigned to
admin-inbox-duplicates = Same case?
admin-inbox-flagged = Flagged
admin-inbox-nobody = Nobody
admin-inbox-take = Take
admin-inbox-release = Release
admin-inbox-assign_to = Assign to
admin-inbox-assign = Assign
admin-inbox-duplicate_of = Duplicate of
admin-inbox-unlink = Not a duplicate
admin-inbox-hints = Possibly the same case
admin-inbox-similar = { $percent }% similar
admin-inbox-link = Mark as duplicate of this
admin-inbox-pages = Pages of the inbox
admin-inbox-newer = Newer reports
admin-inbox-older = Older reports
admin-inbox-position = Page { $page } of { $pages }
admin-inbox-assigned-label = Assigned
admin-inbox-assigned-open = Mine or nobody's
admin-inbox-assigned-anyone = Anyone
admin-inbox-assigned-me = Me
admin-inbox-assigned-nobody = Nobody
admin-inbox-consent-label = Consent
admin-inbox-consent-publish = Publish
admin-inbox-consent-statistics_only = Statistics only
admin-inbox-consent-private = Private
admin-inbox-sort-urgent = Urgent first, then newest
admin-inbox-sort-newest = Newest first
admin-inbox-sort-oldest = Oldest first
admin-inbox-urgency-danger = She says she is in danger now
admin-inbox-urgency-self_harm = Words of self-harm
admin-inbox-urgency-violence = A threat of violence
admin-inbox-urgency-leak = A threat to leak images or chats
admin-inbox-urgency-threat = Threats
admin-inbox-urgency-moderator = Flagged by a moderator
admin-inbox-wave-summary =
    { $count ->
        [one] A wave: { $count } near-identical report arrived in the hour from { $hour }.
       *[other] A wave: { $count } near-identical reports arrived in the hour from { $hour }.
    }
admin-inbox-wave-show = Show them
admin-inbox-wave-archive =
    { $count ->
        [one] Archive it as spam
       *[other] Archive all { $count } as spam
    }
admin-inbox-wave-alone =
    { $count ->
        [one] One wave: { $count } near-identical report from the hour from { $hour }. Open any to read it.
       *[other] One wave: { $count } near-identical reports from the hour from { $hour }. Open any to read it.
    }
admin-inbox-wave-gone = That report is no longer part of a wave: it is shown alone.
admin-inbox-wave-back = Back to the whole inbox
admin-inbox-wave-note = wave
admin-inbox-bulk-title = With the chosen reports
admin-inbox-bulk-hint = Tick reports in the list, choose what to do, then apply. It reaches reports that are new or in review{ $scope }; each one is written in the audit log.
admin-inbox-bulk-hint_scope_mine = {" "}and yours or nobody's
admin-inbox-bulk-action = Action
admin-inbox-bulk-archive = Archive
admin-inbox-bulk-duplicate = Mark as duplicates of another report
admin-inbox-bulk-assign = Assign
admin-inbox-bulk-urgent = Flag as urgent
admin-inbox-bulk-not_urgent = Clear the urgent flag
admin-inbox-bulk-reason = Reason for archiving
admin-inbox-bulk-note = Note for the audit log (optional, no names)
admin-inbox-bulk-of = Id of the original report (the first 8 characters are enough)
admin-inbox-bulk-to = Assign to
admin-inbox-bulk-to_me = Me
admin-inbox-bulk-to_nobody = Nobody
admin-inbox-bulk-apply = Apply to the chosen reports
admin-inbox-bulk-done-archive = Archived { $count } of the { $chosen } chosen reports.
admin-inbox-bulk-done-duplicate = Marked { $count } of the { $chosen } chosen reports as duplicates and archived them.
admin-inbox-bulk-done-assign = Assigned { $count } of the { $chosen } chosen reports.
admin-inbox-bulk-done-urgent = Flagged { $count } of the { $chosen } chosen reports as urgent.
admin-inbox-bulk-done-not_urgent = Cleared the urgent flag of { $count } of the { $chosen } chosen reports.
admin-inbox-bulk-skipped = The others were already decided, withdrawn, somebody else's or already so.
admin-inbox-bulk-reasons-spam = Spam or trolling
admin-inbox-bulk-reasons-out_of_scope = Not in scope
admin-inbox-bulk-reasons-test = A test
admin-inbox-bulk-reasons-other = Another reason (say which in the note)
admin-inbox-bulk-error-nothing = Tick at least one report in the list first.
admin-inbox-bulk-error-too_many = That is too many reports at once: choose fewer.
admin-inbox-bulk-error-action = Choose one of the actions the form offers.
admin-inbox-bulk-error-target = Give the id of a report that exists, is not withdrawn and is not one of those ticked.
admin-inbox-bulk-error-assignee = Reports can only be assigned to an active staff member who moderates.
admin-inbox-error-filter = That filter is not one the form offers. Clear the filters and choose again.
admin-inbox-error-not_yours = This report is assigned to someone else. A coordinator can reassign it.
admin-inbox-error-assignee = Reports can only be assigned to an active staff member who moderates.
admin-inbox-error-withdrawn = This report was withdrawn by the person who sent it; nothing more can be done with it.
admin-inbox-error-duplicate = Choose another report that exists; a report cannot repeat itself, and two reports cannot repeat each other.
admin-status-new = New
admin-status-in_review = In review
admin-status-published = Published
admin-status-statistics_only = Statistics only
admin-status-archived = Archived
admin-status-rejected = Rejected
admin-status-withdrawn = Withdrawn
admin-channel-web = Web form
admin-channel-api = API
admin-channel-sms = SMS
admin-channel-email = Email
admin-channel-whatsapp = WhatsApp
admin-channel-telegram = Telegram
admin-channel-news = News
admin-channel-import = Import
admin-cases-title = Cases
admin-cases-intro = Coded cases in every status. Only what moderators wrote and coded is shown here, never a report's own words.
admin-cases-filters = Filter the cases
admin-cases-status = Status
admin-cases-kind = Kind of violence
admin-cases-province = Province or territory
admin-cases-any = Any
admin-cases-apply = Filter
admin-cases-clear = Clear filters
admin-cases-count =
    { $count ->
        [one] { $count } case
       *[other] { $count } cases
    }
admin-cases-empty = No cases match.
admin-cases-case_title = Title
admin-cases-untitled = No title yet
admin-cases-place = Place
admin-cases-month = Month
admin-cases-published = Published on
admin-cases-pages = Pages of cases
admin-cases-newer = Previous page
admin-cases-older = Next page
admin-cases-position = Page { $page } of { $pages }
admin-cases-verification-label = Verification
admin-cases-verification-unverified = Unverified
admin-cases-verification-corroborated = Corroborated
admin-cases-verification-verified = Verified
admin-cases-error-filter = That filter is not one the form offers. Clear the filters and choose again.
admin-flood-title = Flood mode
admin-flood-off = Off: reports are taken as usual.
admin-flood-on_traffic = On since { $since }: { $threshold } or more reports arrived within a minute. Browsers with JavaScript solve a small puzzle before sending, and reports sent without one are flagged. It ends at { $ends } unless such a flood goes on.
admin-flood-on_setting = On since { $since }, forced by the server setting force_flood (NAQSHA_FORCE_FLOOD). It can only be switched off there.
admin-flood-paused = Switched off by staff until { $until }: reports arriving until then do not switch it on.
admin-flood-node = This is the state on this server; a restart forgets a switch-off.
admin-flood-duration = Switch off for
admin-flood-hours_1 = 1 hour
admin-flood-hours_4 = 4 hours
admin-flood-hours_24 = 24 hours
admin-flood-pause = Switch off
admin-flood-resume = Switch back to automatic now
admin-flood-bad_choice = Choose how long flood mode should stay off.
admin-flood-forced = Flood mode is forced on by the server setting force_flood (NAQSHA_FORCE_FLOOD), so it cannot be switched off here.
