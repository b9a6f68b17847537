### The conversation with a reporter in the staff workspace (issue 19).

admin-conversation-title = Conversation with the reporter
admin-conversation-back = Back to the report
admin-conversation-her_language = She wrote in { $lang }; templates start in her language.
admin-conversation-no_key = She has not opened follow-up since replies began; you can write once she does.
admin-conversation-messages = Messages
admin-conversation-none = No messages yet.
admin-conversation-referrals = Referrals
admin-conversation-notice_failed = The message is stored, but the notice on her channel could not be sent; it is in the log.
admin-conversation-link =
    { $n ->
        [one] Conversation with the reporter ({ $n } message)
       *[other] Conversation with the reporter ({ $n } messages)
    }
admin-conversation-approval-title = Her approval before publication
admin-conversation-approval-not_sent = She asked to see the anonymised version before it is published. It has not been sent yet.
admin-conversation-approval-waiting = Sent for her approval; waiting for her answer since { $at }.
admin-conversation-approval-approved = She approved the version sent to her ({ $at }).
admin-conversation-approval-changes = She asked for changes ({ $at }):
admin-conversation-approval-statistics_only = She chose statistics only ({ $at }): her story will not be published, only counted.
admin-conversation-approval-private = She chose to keep it private ({ $at }): it will not be published or counted.
admin-conversation-approval-round = Version { $n }, sent { $at }
admin-conversation-proposal-hint = Sends her the case exactly as the saved draft would publish it (titles, texts, place, month, categories). Save the review form first.
admin-conversation-proposal-note = A note with it (optional)
admin-conversation-proposal-submit = Send for her approval
admin-conversation-proposal-place = Place
admin-conversation-proposal-month = Month
admin-conversation-proposal-categories = Categories
admin-conversation-proposal-not_asked = She did not ask to see her story before publication.
admin-conversation-reply-title = Write to her
admin-conversation-reply-templates = Start from a template:
admin-conversation-reply-label = Your message
admin-conversation-reply-hint = She reads it on the follow-up page with her receipt. Never include her name, number or other details she did not give you for this.
admin-conversation-reply-submit = Send
admin-conversation-template-question-label = A question
admin-conversation-template-question-text = Thank you for your report. To help us understand what happened, could you tell us more about when and where it took place? Answer only what you are comfortable sharing.
admin-conversation-template-referral-label = Where to get help
admin-conversation-template-referral-text = Thank you for your report. These services may be able to help you. You can contact them yourself; they do not know about your report unless you tell them.
admin-conversation-template-published-label = Your story is published
admin-conversation-template-published-text = Your anonymised story is now published on the map. Nothing in it identifies you. Thank you for speaking up.
admin-conversation-author-her = The reporter
admin-conversation-author-unknown = Staff (account removed)
admin-conversation-kind-reply = reply
admin-conversation-kind-answer = answer
admin-conversation-kind-proposal = version for her approval
admin-conversation-kind-decision = her decision
admin-conversation-answer-approved = Approved
admin-conversation-answer-changes = Asked for changes
admin-conversation-answer-statistics_only = Statistics only
admin-conversation-answer-private = Keep private
admin-conversation-error-referral = A referral service you ticked is no longer in the list; the list has been reloaded, tick again.
admin-conversation-error-empty = Write a message first.
admin-conversation-error-too_long = The message is too long: at most 4,000 characters.
admin-conversation-error-control = The message contains control characters; remove them.
admin-conversation-error-no_key = She has not opened follow-up since replies began; you can write once she does.
admin-conversation-error-note = The note is too long or contains control characters.
admin-conversation-error-no_draft = There is no saved draft to send: save the review form first.
admin-conversation-done-reply = Your message was sealed and stored. She will see it when she next opens follow-up.
admin-conversation-done-proposal = The anonymised version was sent for her approval.
admin-conversation-gate-not_sent = She asked to see her story before it is published: send it for her approval first (on the conversation page).
admin-conversation-gate-waiting = She asked to see her story before it is published, and has not answered yet.
admin-conversation-gate-changed = The story has changed since the version she approved: send the new version for her approval.
admin-conversation-gate-changes = She asked for changes: send her a new version for her approval.
admin-conversation-gate-declined = She chose not to have her story published.
admin-conversation-gate-consent_changed = She changed what may be published while you decided: open the report again to see her choice.
