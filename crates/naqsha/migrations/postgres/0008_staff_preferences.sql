-- A staff member's own choices for the workspace. hide_report_text: the review page keeps a
-- report's own words behind one click ("Show the report's text"), for a moderator who wants
-- to choose when she reads them.
CREATE TABLE staff_preferences (
    user_id          TEXT PRIMARY KEY NOT NULL REFERENCES users(id),
    hide_report_text INTEGER NOT NULL DEFAULT 0
);
