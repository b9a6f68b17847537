//! Stable string names for the domain's enums, shared by storage, URLs and forms.

macro_rules! str_enum {
    ($ty:ty { $($variant:ident => $s:literal),+ $(,)? }) => {
        impl $ty {
            /// The stable storage and URL name.
            pub fn as_str(&self) -> &'static str {
                match self { $(Self::$variant => $s),+ }
            }

            /// Every value, in display order.
            pub const ALL: &'static [$ty] = &[$(Self::$variant),+];
        }

        impl std::str::FromStr for $ty {
            type Err = crate::enums::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($s => Ok(Self::$variant),)+
                    _ => Err(crate::enums::UnknownValue(stringify!($ty))),
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use str_enum;

/// A stored name that is not one of the enum's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {0} value")]
pub struct UnknownValue(pub &'static str);
