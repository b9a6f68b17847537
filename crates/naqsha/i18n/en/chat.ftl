### Replies sent by WhatsApp and Telegram. {site} is the site's name; {receipt} the receipt as
### seven groups of digits; {minutes} the join window.

chat-reply-received = { $site }: we received your report. Your receipt: { $receipt }. Keep it private. To see its status, send STATUS and the receipt. Send STOP to get no more messages from us. Replies from us appear on the follow-up page of our website, where you open them with this receipt. If someone else can see this phone, delete this chat.
chat-reply-status = { $site }: { $status }. { $explain }
chat-reply-not_found = { $site }: no report was found for this receipt. Please check the numbers and try again.
chat-reply-receipt_format = { $site }: this is not a complete receipt. Send STATUS and the seven groups of numbers from your receipt.
chat-reply-started = { $site }: you will get messages from us again. Send STOP to stop them.
chat-reply-no_receipt = { $site }: no report came from you in the last { $minutes } minutes, so there is no receipt to send.
chat-reply-welcome = { $site }: write here what happened to you, in Urdu or English, in as many messages as you need; you can send photos and documents too. Send STOP to get no more messages from us.
