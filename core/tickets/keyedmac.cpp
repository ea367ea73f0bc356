#include "keyedmac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace fest {

KeyedMac::KeyedMac(const QByteArray &secret)
{
    m_mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!m_mac)
        return;
    m_ctx = EVP_MAC_CTX_new(m_mac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end()};
    // An empty key is still a key: give OpenSSL a valid pointer for it.
    static const unsigned char none = 0;
    const auto *key = secret.isEmpty() ? &none : reinterpret_cast<const unsigned char *>(secret.constData());
    if (m_ctx && EVP_MAC_init(m_ctx, key, size_t(secret.size()), params) != 1) {
        EVP_MAC_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
}

KeyedMac::~KeyedMac()
{
    EVP_MAC_CTX_free(m_ctx);
    EVP_MAC_free(m_mac);
}

bool KeyedMac::sign(QByteArrayView message, unsigned char *out)
{
    size_t written = 0;
    // Without a key, init starts a new message from the key schedule already made.
    return m_ctx && EVP_MAC_init(m_ctx, nullptr, 0, nullptr) == 1
        && EVP_MAC_update(m_ctx, reinterpret_cast<const unsigned char *>(message.data()), size_t(message.size())) == 1
        && EVP_MAC_final(m_ctx, out, &written, Size) == 1 && written == Size;
}

QByteArray KeyedMac::sign(QByteArrayView message)
{
    QByteArray mac(Size, Qt::Uninitialized);
    if (!sign(message, reinterpret_cast<unsigned char *>(mac.data())))
        return {};
    return mac;
}

} // namespace fest
