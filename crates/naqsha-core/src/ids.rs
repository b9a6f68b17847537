//! Typed identifiers. Every record kind gets its own id type so that a case id can never be
//! passed where a submission id is expected.

/// Declares a UUID-backed id type with parsing, display and serde as a string.
///
/// Ids are random (version 4): a time-ordered id would leak when a survivor reported.
#[macro_export]
macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(uuid::Uuid);

        impl $name {
            /// A new random id.
            pub fn random() -> Self {
                Self(uuid::Uuid::new_v4())
            }

            /// The underlying UUID.
            pub fn as_uuid(&self) -> uuid::Uuid {
                self.0
            }

            /// Builds the id from a UUID read back from storage.
            pub fn from_uuid(id: uuid::Uuid) -> Self {
                Self(id)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.as_hyphenated().fmt(f)
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.as_hyphenated())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ids::IdError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s.trim())
                    .map(Self)
                    .map_err(|_| $crate::ids::IdError { kind: stringify!($name) })
            }
        }
    };
}

/// A string that is not a valid id of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid {kind}")]
pub struct IdError {
    /// The id type that was expected.
    pub kind: &'static str,
}

typed_id!(
    /// A sealed raw report as it arrived from any channel.
    SubmissionId
);
typed_id!(
    /// A moderated, publishable case.
    CaseId
);
typed_id!(
    /// A staff account.
    UserId
);
typed_id!(
    /// One entry of the audit log.
    AuditEventId
);
typed_id!(
    /// A sealed evidence file.
    AttachmentId
);
typed_id!(
    /// A sealed addition to a submission (a follow-up, a note).
    AdditionId
);
typed_id!(
    /// A message of the conversation between the organisation and a reporter.
    MessageId
);
typed_id!(
    /// A response from the public to a story or a campaign.
    ResponseId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_garbage() {
        let id = CaseId::random();
        let parsed: CaseId = id.to_string().parse().unwrap();
        assert_eq!(id, parsed);
        let err = "not-an-id".parse::<SubmissionId>().unwrap_err();
        assert_eq!(err.to_string(), "not a valid SubmissionId");
    }

    #[test]
    fn ids_are_random_not_time_ordered() {
        assert_eq!(SubmissionId::random().as_uuid().get_version_num(), 4);
    }
}
