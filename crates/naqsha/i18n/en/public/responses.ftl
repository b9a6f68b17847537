### Responses from the public to stories (and campaigns) (en): the section under a story, the
### form, the receipt, changing or deleting one, and "what helped me" on the strategies page.
### Every key must also be in the other language.

responses-heading = Responses
responses-empty = No responses have been published here yet.
responses-unavailable = The responses cannot be shown just now. Please look again in a minute.
responses-more = More responses
responses-someone = Someone
responses-kind-support = A message of support
responses-kind-helped = What helped me
responses-kind-creative = A creative response
responses-form-heading = Send a response
responses-form-moderated = Nothing you send is shown until a moderator has read and approved it. Please do not write anyone’s name, phone number or address.
responses-form-problems_heading = Please check your response
responses-form-kind = What are you sending?
responses-form-text = Your words
responses-form-text_hint = Up to 2,000 characters, in Urdu or English.
responses-form-pseudonym = A name to show with it (optional)
responses-form-pseudonym_hint = Leave empty to stay anonymous. Do not use your real name if that could put you at risk.
responses-form-submit = Send for approval
responses-form-manage_link = Change or delete a response you sent
responses-error-kind = Please choose what you are sending.
responses-error-text_required = Please write your response.
responses-error-text_too_long = Your response is too long: please keep it under 2,000 characters.
responses-error-text_invalid = Your response contains characters that cannot be kept. Please remove them.
responses-error-pseudonym_too_long = The name is too long: please keep it under 60 characters.
responses-error-pseudonym_invalid = The name contains characters that cannot be kept. Please remove them.
responses-error-throttled =
    { $minutes ->
        [one] Too many responses have come from your network in a short time. Your words are kept below; please wait { $minutes } minute and send again.
       *[other] Too many responses have come from your network in a short time. Your words are kept below; please wait { $minutes } minutes and send again.
    }
responses-error-form_expired = This form was open for too long and has expired. Your words are kept below; please send again.
responses-error-already_sent = This form was already sent and your response was received. Its receipt was shown after sending.
responses-error-unavailable = We could not save your response just now, so nothing was sent. Your words are kept below; please send again in a minute.
responses-receipt-title = Your response was received
responses-receipt-waiting = It waits for a moderator. Nothing you sent is shown until a moderator has approved it; that may take a few days.
responses-receipt-heading = Your receipt
responses-receipt-explain = With this receipt you can see whether your response was published, change its words or delete it. It is shown only once.
responses-receipt-manage_heading = Change or delete it later
responses-receipt-manage_explain = Type this receipt on the page for your responses. Changed words wait for a moderator again; a deleted response is gone, with anything published from it.
responses-receipt-manage_link = Go to the page for your responses
responses-list-title = Responses
responses-list-back = Back to the page they answer
responses-list-paging = Pages of responses
responses-list-newer = Newer responses
responses-list-older = Older responses
responses-manage-title = Your response
responses-manage-intro = Type the receipt you were given when you sent your response, to see where it stands, change its words or delete it.
responses-manage-receipt_label = Your receipt
responses-manage-submit = Find my response
responses-manage-status_heading = Where it stands
responses-manage-read_public = Read it where it is published
responses-manage-edit_heading = Change the words
responses-manage-edit_explain = What you wrote before is locked and cannot be shown here: write the whole response again. The new words wait for a moderator; if the response was published, it is taken down at once until they are approved.
responses-manage-text = New words
responses-manage-edit_submit = Send the new words for approval
responses-manage-creative_note = To change a creative response, delete it and send it again.
responses-manage-delete_heading = Delete it
responses-manage-delete_explain = Your response is deleted for good, and taken down at once if it was published.
responses-manage-delete_confirm = Yes, delete my response
responses-manage-delete_submit = Delete my response
responses-manage-edited = Your new words were received. They wait for a moderator.
responses-manage-edited_was_public = Your new words were received. What was published has been taken down; the new words wait for a moderator.
responses-manage-deleted = Your response was deleted, with anything published from it.
responses-manage-status-pending = Waiting for a moderator
responses-manage-status-pending_explain = It is not shown to anyone until a moderator approves it.
responses-manage-status-approved = Published
responses-manage-status-approved_explain = A moderator approved it; it is shown under what it answers.
responses-manage-status-rejected = Not approved
responses-manage-status-rejected_explain = A moderator decided not to publish it, and what it said was deleted.
responses-manage-error-throttled =
    { $minutes ->
        [one] Too many attempts from your network. Please wait { $minutes } minute and try again.
       *[other] Too many attempts from your network. Please wait { $minutes } minutes and try again.
    }
responses-manage-error-form_expired = This page was open for too long. Please enter your receipt again.
responses-manage-error-receipt_format = That does not look like a receipt. Please check it and type it again.
responses-manage-error-not_found = We could not find a response with this receipt. Please check it and try again.
responses-manage-error-confirm_delete = Please tick the box to confirm that you want to delete your response.
responses-manage-error-unavailable = We could not do that just now, so nothing was changed. Please try again in a minute.
responses-strategies-heading = What helped others, in their own words
responses-strategies-explain = Responses sent by readers as “what helped me”, published after a moderator read them. They are personal experiences, not advice.
responses-strategies-empty = No one has shared what helped them yet.
responses-strategies-unavailable = These responses cannot be shown just now. Please look again in a minute.
responses-strategies-written_under = Where it was written
