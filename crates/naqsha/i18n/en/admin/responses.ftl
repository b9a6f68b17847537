### The moderation queue of responses from the public (en). Every key must also be in the other language.

admin-nav-responses = Responses
admin-nav-waiting =
    { $count ->
        [one] { $count } waiting
       *[other] { $count } waiting
    }
admin-responses-title = Responses waiting
admin-responses-one_title = One response
admin-responses-intro = Messages of support, what helped, and creative responses sent by the public, oldest first. Nothing here is public until you approve it. Near-identical responses are folded into one group. Highlighted words may be personal data: such a response is never approved in bulk; open it, edit it if needed, and approve it alone.
admin-responses-filters = Filter the responses
admin-responses-apply = Filter
admin-responses-clear = Clear filters
admin-responses-count =
    { $count ->
        [one] { $count } response waiting ({ $flagged } flagged).
       *[other] { $count } responses waiting ({ $flagged } flagged).
    }
admin-responses-capped = The oldest { $count } are shown and grouped; younger ones appear as these are decided.
admin-responses-empty = No responses wait.
admin-responses-for = For:
admin-responses-campaign = campaign
admin-responses-flagged_mark = Flagged
admin-responses-check = Check before approving
admin-responses-pseudonym = Pseudonym
admin-responses-title_label = Title
admin-responses-licence_label = Licence
admin-responses-link = Link (not opened)
admin-responses-image = Image
admin-responses-image_alt = The image sent with this response
admin-responses-choose = Choose
admin-responses-choose_first = Choose the first of this group
admin-responses-pages = Pages of responses
admin-responses-previous = Previous page
admin-responses-next = Next page
admin-responses-position = Page { $page } of { $pages }
admin-responses-back = Back to the responses
admin-responses-suggestions = Possible personal data
admin-responses-no_suggestions = Nothing was found that looks like personal data.
admin-responses-suggestions_hint = Remove or change these in the text or pseudonym below before approving, if they identify someone.
admin-responses-edit = What will be published
admin-responses-text = Text
admin-responses-optional = (optional)
admin-responses-approve_one = Approve and publish
admin-responses-reject_one = Reject and delete
admin-responses-decided_note = Its content is public if it was approved and deleted if it was rejected; nothing more is shown here.
admin-responses-reject_flagged =
    { $count ->
        [one] Reject the { $count } flagged response
       *[other] Reject all { $count } flagged responses
    }
admin-responses-flagged-label = Flagged
admin-responses-flagged-any = Flagged or not
admin-responses-flagged-only = Only flagged (sent in a flood)
admin-responses-flagged-not = Only not flagged
admin-responses-kind-label = Kind
admin-responses-kind-any = Any
admin-responses-kind-support = Message of support
admin-responses-kind-helped = What helped
admin-responses-kind-creative = Creative response
admin-responses-licence-cc_by = CC BY 4.0
admin-responses-licence-cc_by_nc = CC BY-NC 4.0
admin-responses-licence-all_rights_reserved = All rights reserved
admin-responses-status-pending = Waiting
admin-responses-status-approved = Already approved
admin-responses-status-rejected = Already rejected
admin-responses-bulk-title = The chosen responses
admin-responses-bulk-hint = Responses with possible personal data are left waiting when you approve in bulk.
admin-responses-bulk-approve = Approve chosen
admin-responses-bulk-reject = Reject chosen
admin-responses-group-summary =
    { $count ->
        [one] { $count } near-identical response
       *[other] { $count } near-identical responses
    }
admin-responses-group-more =
    { $count ->
        [one] and { $count } more
       *[other] and { $count } more
    }
admin-responses-group-to_check =
    { $count ->
        [one] { $count } to check before approving
       *[other] { $count } to check before approving
    }
admin-responses-group-reject = Reject this group
admin-responses-group-approve = Approve this group
admin-responses-group-show = Show the group's responses
admin-responses-done-approved =
    { $count ->
        [one] { $count } approved
       *[other] { $count } approved
    }
admin-responses-done-rejected =
    { $count ->
        [one] { $count } rejected
       *[other] { $count } rejected
    }
admin-responses-done-stale =
    { $count ->
        [one] { $count } already decided by someone else
       *[other] { $count } already decided by someone else
    }
admin-responses-done-held =
    { $count ->
        [one] { $count } left waiting: check it before approving
       *[other] { $count } left waiting: check each before approving
    }
admin-responses-done-separator = ,{" "}
admin-responses-error-filter = That filter is not valid.
admin-responses-error-action = Choose approve or reject.
admin-responses-error-nothing = Choose at least one response.
admin-responses-error-too_many = Too many responses at once: choose fewer.
admin-responses-error-text = The text cannot be used as it is: remove control characters.
admin-responses-error-too_long = The text is too long (at most 2,000 characters).
admin-responses-error-text_needed = This kind of response needs a text.
admin-responses-error-pseudonym = The pseudonym cannot be used as it is: one line, no control characters.
admin-responses-error-pseudonym_long = The pseudonym is too long (at most 60 characters).
