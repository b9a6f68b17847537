//! Sealing: age encryption of raw reports, contact details, attachments and notes to the
//! organisation's public key.
//!
//! The output is the standard age v1 binary format, so a backup sealed here can also be
//! opened with the `age` command-line tool and the organisation's identity.

use std::fmt;
use std::io::{self, BufRead, Read, Write};
use std::iter;

use zeroize::Zeroizing;

use super::org_key::{OrgPublicKey, OrgSecretKey};

/// The first line of every age v1 file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// Why sealing or opening failed.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    /// Sealing needs at least one recipient.
    #[error("no recipients to seal to")]
    NoRecipients,
    /// The bytes do not start with the age v1 header, so they are not sealed data.
    #[error("not sealed data (missing the age-encryption.org/v1 header)")]
    NotSealed,
    /// The data was not sealed to this organisation key.
    #[error("sealed to a different key")]
    WrongKey,
    /// The sealed data is damaged, truncated or was tampered with.
    #[error("sealed data is corrupt, truncated or tampered with")]
    Corrupt,
    /// age refused the recipient set.
    #[error("cannot seal: {0}")]
    Encrypt(age::EncryptError),
    /// Writing the sealed output failed.
    #[error("i/o error while sealing: {0}")]
    Io(#[from] io::Error),
}

/// Sealed bytes: an age v1 binary ciphertext.
///
/// `Debug` shows only the length; the bytes are not secret but are of no use to read.
#[derive(Clone, PartialEq, Eq)]
pub struct Sealed(Vec<u8>);

impl Sealed {
    /// Wraps stored bytes, checking that they start with the age v1 header.
    ///
    /// This does not authenticate anything; [`open`] does.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, SealError> {
        if bytes.starts_with(AGE_MAGIC) {
            Ok(Sealed(bytes))
        } else {
            Err(SealError::NotSealed)
        }
    }

    /// The age ciphertext bytes, for storage.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Gives up the ciphertext bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// Length of the ciphertext in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Never true for a valid ciphertext; present for API symmetry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Sealed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sealed({} bytes)", self.0.len())
    }
}

impl AsRef<[u8]> for Sealed {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn encryptor(recipients: &[OrgPublicKey]) -> Result<age::Encryptor, SealError> {
    if recipients.is_empty() {
        return Err(SealError::NoRecipients);
    }
    age::Encryptor::with_recipients(
        recipients
            .iter()
            .map(|r| r.as_age_recipient() as &dyn age::Recipient),
    )
    .map_err(|e| match e {
        age::EncryptError::MissingRecipients => SealError::NoRecipients,
        age::EncryptError::Io(io) => SealError::Io(io),
        other => SealError::Encrypt(other),
    })
}

/// Seals `plaintext` to the organisation key.
///
/// Each call uses a fresh random file key, so sealing the same text twice gives
/// different bytes.
///
/// # Panics
///
/// Only if the operating system's random number generator fails (age refuses to go on), or
/// if `recipient` is a deliberately invalid low-order curve point; keys parsed from an
/// `age1…` string made by [`super::OrgKeyPair::generate`] never are.
#[expect(
    clippy::expect_used,
    reason = "sealing in memory to one X25519 recipient has no failure path (see # Panics)"
)]
pub fn seal(recipient: &OrgPublicKey, plaintext: &[u8]) -> Sealed {
    // Sealing into memory to one X25519 recipient has no failure path: there is a
    // recipient, X25519 stanzas carry no labels, and writing to a Vec cannot fail.
    seal_to_recipients(std::slice::from_ref(recipient), plaintext)
        .expect("sealing in memory to one X25519 recipient cannot fail")
}

/// Seals `plaintext` so that any one of `recipients` can open it (e.g. a backup for the
/// organisation key and an offline administrator key).
pub fn seal_to_recipients(
    recipients: &[OrgPublicKey],
    plaintext: &[u8],
) -> Result<Sealed, SealError> {
    // Header is a few hundred bytes; each 64 KiB chunk adds a 16-byte tag.
    let overhead = 256 + 128 * recipients.len() + 16 * (plaintext.len() / 65536 + 1);
    let mut writer = seal_writer(recipients, Vec::with_capacity(plaintext.len() + overhead))?;
    writer.write_all(plaintext)?;
    Ok(Sealed(writer.finish()?))
}

/// Starts sealing a stream (large attachments, backups) to `recipients`, writing the age
/// ciphertext to `output`.
///
/// You **must** call [`SealWriter::finish`] at the end; otherwise the output is truncated
/// and will not open.
pub fn seal_writer<W: Write>(
    recipients: &[OrgPublicKey],
    output: W,
) -> Result<SealWriter<W>, SealError> {
    let inner = encryptor(recipients)?.wrap_output(output)?;
    Ok(SealWriter(inner))
}

/// A writer that seals everything written to it. See [`seal_writer`].
pub struct SealWriter<W: Write>(age::stream::StreamWriter<W>);

impl<W: Write> SealWriter<W> {
    /// Writes the final chunk and returns the underlying writer (not flushed beyond what
    /// age writes itself; flush it if it buffers).
    pub fn finish(self) -> io::Result<W> {
        self.0.finish()
    }
}

impl<W: Write> Write for SealWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl<W: Write> fmt::Debug for SealWriter<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SealWriter(..)")
    }
}

fn map_decrypt_error(e: age::DecryptError) -> SealError {
    match e {
        age::DecryptError::NoMatchingKeys => SealError::WrongKey,
        age::DecryptError::UnknownFormat => SealError::NotSealed,
        _ => SealError::Corrupt,
    }
}

/// Opens sealed bytes with the organisation's secret key.
///
/// The plaintext is returned in a buffer that is wiped when dropped.
pub fn open(secret: &OrgSecretKey, sealed: &Sealed) -> Result<Zeroizing<Vec<u8>>, SealError> {
    let mut reader = open_reader(secret, sealed.as_bytes())?;
    // The plaintext is never longer than the ciphertext, so this buffer never
    // reallocates (which would leave an unwiped copy behind).
    let mut plaintext = Zeroizing::new(Vec::with_capacity(sealed.len()));
    reader
        .read_to_end(&mut plaintext)
        .map_err(|_| SealError::Corrupt)?;
    Ok(plaintext)
}

/// Starts opening a sealed stream (large attachments, backups). Header problems and a wrong
/// key are reported here; damage later in the stream shows up as an
/// [`io::ErrorKind::InvalidData`] error from `read`, so do not act on the plaintext until
/// the reader has reached the end without error.
pub fn open_reader<R: BufRead>(
    secret: &OrgSecretKey,
    input: R,
) -> Result<OpenReader<R>, SealError> {
    let decryptor = age::Decryptor::new_buffered(input).map_err(map_decrypt_error)?;
    let reader = decryptor
        .decrypt(iter::once(secret.as_age_identity() as &dyn age::Identity))
        .map_err(map_decrypt_error)?;
    Ok(OpenReader(reader))
}

/// A reader that yields the plaintext of a sealed stream. See [`open_reader`].
pub struct OpenReader<R>(age::stream::StreamReader<R>);

impl<R: Read> Read for OpenReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl<R> fmt::Debug for OpenReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OpenReader(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::super::org_key::OrgKeyPair;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seal_open_round_trip() {
        let org = OrgKeyPair::generate();
        let text = "میرا نام فاطمہ ہے — my number is 0300-1234567".as_bytes();
        let sealed = seal(&org.public, text);
        assert!(sealed.as_bytes().starts_with(AGE_MAGIC));
        let opened = open(&org.secret, &sealed).unwrap();
        assert_eq!(opened.as_slice(), text);

        let empty = seal(&org.public, b"");
        assert!(open(&org.secret, &empty).unwrap().is_empty());
    }

    #[test]
    fn sealed_bytes_survive_storage_round_trip() {
        let org = OrgKeyPair::generate();
        let sealed = seal(&org.public, b"report");
        let stored = sealed.clone().into_bytes();
        let loaded = Sealed::from_bytes(stored).unwrap();
        assert_eq!(loaded, sealed);
        assert_eq!(open(&org.secret, &loaded).unwrap().as_slice(), b"report");
    }

    #[test]
    fn from_bytes_requires_age_header() {
        assert!(matches!(
            Sealed::from_bytes(b"plain text report".to_vec()),
            Err(SealError::NotSealed)
        ));
        assert!(matches!(
            Sealed::from_bytes(Vec::new()),
            Err(SealError::NotSealed)
        ));
    }

    #[test]
    fn another_orgs_key_cannot_open() {
        let org_a = OrgKeyPair::generate();
        let org_b = OrgKeyPair::generate();
        let sealed = seal(&org_a.public, b"secret story");
        assert!(matches!(
            open(&org_b.secret, &sealed),
            Err(SealError::WrongKey)
        ));
    }

    #[test]
    fn sealed_bytes_do_not_contain_the_plaintext() {
        let org = OrgKeyPair::generate();
        let canary = b"CANARY-7f3a9c-survivor-words-CANARY";
        let mut text = b"prefix ".repeat(50);
        text.extend_from_slice(canary);
        text.extend_from_slice(&b" suffix".repeat(50));
        let first = seal(&org.public, &text);
        let second = seal(&org.public, &text);
        for sealed in [&first, &second] {
            assert!(!sealed.as_bytes().windows(canary.len()).any(|w| w == canary));
            assert!(!sealed.as_bytes().windows(7).any(|w| w == b"prefix "));
        }
        assert_ne!(first, second, "each seal uses a fresh file key");
    }

    #[test]
    fn tampered_ciphertext_is_rejected() {
        let org = OrgKeyPair::generate();
        let sealed = seal(&org.public, b"do not change me");
        let len = sealed.len();
        for index in [len - 1, len - 20, AGE_MAGIC.len() + 5] {
            let mut bytes = sealed.clone().into_bytes();
            bytes[index] ^= 0x01;
            let tampered = Sealed::from_bytes(bytes).unwrap();
            assert!(open(&org.secret, &tampered).is_err(), "byte {index}");
        }
        let mut truncated = sealed.into_bytes();
        truncated.truncate(len - 1);
        let truncated = Sealed::from_bytes(truncated).unwrap();
        assert!(matches!(
            open(&org.secret, &truncated),
            Err(SealError::Corrupt)
        ));
    }

    #[test]
    fn several_recipients_can_each_open() {
        let org = OrgKeyPair::generate();
        let offline = OrgKeyPair::generate();
        let outsider = OrgKeyPair::generate();
        let sealed =
            seal_to_recipients(&[org.public.clone(), offline.public.clone()], b"backup").unwrap();
        assert_eq!(open(&org.secret, &sealed).unwrap().as_slice(), b"backup");
        assert_eq!(
            open(&offline.secret, &sealed).unwrap().as_slice(),
            b"backup"
        );
        assert!(matches!(
            open(&outsider.secret, &sealed),
            Err(SealError::WrongKey)
        ));
        assert!(matches!(
            seal_to_recipients(&[], b"x"),
            Err(SealError::NoRecipients)
        ));
    }

    #[test]
    fn streaming_seal_and_open() {
        let org = OrgKeyPair::generate();
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut writer = seal_writer(std::slice::from_ref(&org.public), Vec::new()).unwrap();
        for chunk in big.chunks(10_007) {
            writer.write_all(chunk).unwrap();
        }
        let bytes = writer.finish().unwrap();
        let sealed = Sealed::from_bytes(bytes.clone()).unwrap();
        assert_eq!(open(&org.secret, &sealed).unwrap().as_slice(), &big[..]);

        let mut reader = open_reader(&org.secret, &bytes[..]).unwrap();
        let mut out = Vec::new();
        reader.read_to_end(&mut out).unwrap();
        assert_eq!(out, big);

        // A stream cut short fails while reading rather than yielding a clean end.
        let cut = &bytes[..bytes.len() - 100];
        let mut reader = open_reader(&org.secret, cut).unwrap();
        let mut out = Vec::new();
        assert!(reader.read_to_end(&mut out).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn seal_open_round_trips_arbitrary_bytes(
            data in proptest::collection::vec(any::<u8>(), 0..150_000)
        ) {
            let org = OrgKeyPair::generate();
            let sealed = seal(&org.public, &data);
            let opened = open(&org.secret, &sealed).unwrap();
            prop_assert_eq!(opened.as_slice(), &data[..]);
        }
    }
}
