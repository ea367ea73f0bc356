#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_mac_st;
struct evp_mac_ctx_st;

namespace fest {

// HMAC-SHA256 under one key, the key's padded blocks hashed once (OpenSSL, with the
// CPU's SHA extensions where it has them). QMessageAuthenticationCode sets the key up
// again for every message; checking a ticket took four SHA-256 blocks and a tenth of
// the controller's work per ballot.
//
// One object is for one thread at a time (sign() reuses its context).
class KeyedMac
{
public:
    static constexpr int Size = 32;

    explicit KeyedMac(const QByteArray &secret);
    ~KeyedMac();
    KeyedMac(const KeyedMac &) = delete;
    KeyedMac &operator=(const KeyedMac &) = delete;

    // False when OpenSSL could not set up HMAC-SHA256 (then sign() returns nothing).
    bool isValid() const { return m_ctx != nullptr; }
    // Writes Size bytes to out; false on failure.
    bool sign(QByteArrayView message, unsigned char *out);
    QByteArray sign(QByteArrayView message);

private:
    evp_mac_st *m_mac = nullptr;
    evp_mac_ctx_st *m_ctx = nullptr;
};

} // namespace fest
