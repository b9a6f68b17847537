### Replies sent by SMS. Each must fit two SMS (306 GSM characters; 134 in Urdu), which a test
### checks (channels::sms::length): a third part often arrives late or not at all.
### {site} is the site's name; {receipt} the receipt as seven groups of digits.

sms-reply-received = { $site }: we received your report. Your receipt: { $receipt }. Keep it private. To see its status, text STATUS and the receipt. Text STOP to get no more messages.
sms-reply-status = { $site }: { $status }. { $explain }
sms-reply-not_found = { $site }: no report was found for this receipt. Please check the numbers and try again.
sms-reply-receipt_format = { $site }: this is not a complete receipt. Text STATUS and the seven groups of numbers from your receipt.
sms-reply-started = { $site }: you will get messages from us again. Text STOP to stop them.
sms-reply-no_receipt = { $site }: no report came from this number in the last { $minutes } minutes, so there is no receipt to send.
