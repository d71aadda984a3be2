#include "gateway/GatewayEndpoint.h"

#include <QCoreApplication>

namespace gd {

QString GatewayStatus::userMessage() const
{
    // gRPC status codes. The server's own text (often a JavaScript stack)
    // stays in `message`, for the log only.
    switch (GatewayCode(code)) {
    case GatewayCode::Ok:
        return {};
    case GatewayCode::Cancelled:
        return QCoreApplication::translate("GatewayStatus", "The request was cancelled.");
    case GatewayCode::Unknown:
        return QCoreApplication::translate(
            "GatewayStatus", "The gateway reported an error. Details are in the log.");
    case GatewayCode::InvalidArgument:
        return QCoreApplication::translate("GatewayStatus",
                                           "The gateway rejected the request as invalid.");
    case GatewayCode::DeadlineExceeded:
        return QCoreApplication::translate("GatewayStatus", "The gateway did not answer in time.");
    case GatewayCode::NotFound:
        return QCoreApplication::translate(
            "GatewayStatus", "The gateway does not know this item (it may have been deleted).");
    case GatewayCode::AlreadyExists:
        return QCoreApplication::translate(
            "GatewayStatus",
            "Another client is already connected to this account's gateway (only one may receive "
            "its events). Retrying...");
    case GatewayCode::PermissionDenied:
        return QCoreApplication::translate("GatewayStatus",
                                           "The gateway refused this action for the account.");
    case GatewayCode::ResourceExhausted:
        return QCoreApplication::translate(
            "GatewayStatus", "The gateway is overloaded or the message is too large.");
    case GatewayCode::FailedPrecondition:
        return QCoreApplication::translate(
            "GatewayStatus", "The account is not in a state that allows this (is it logged in?).");
    case GatewayCode::Aborted:
        return QCoreApplication::translate("GatewayStatus",
                                           "The request was aborted by the gateway.");
    case GatewayCode::OutOfRange:
        return QCoreApplication::translate("GatewayStatus", "The request was out of range.");
    case GatewayCode::Unimplemented:
        return QCoreApplication::translate("GatewayStatus",
                                           "This gateway does not support this action.");
    case GatewayCode::Internal:
        return QCoreApplication::translate("GatewayStatus", "The gateway had an internal error.");
    case GatewayCode::Unavailable:
        // gRPC tells a failed TLS handshake only in its text. "Wrong version
        // number" means the answer to our TLS hello was not TLS at all: a
        // plaintext gateway, where certificate advice would mislead.
        if (message.contains(QLatin1String("wrong version number"), Qt::CaseInsensitive)
            || message.contains(QLatin1String("wrong_version_number"), Qt::CaseInsensitive)) {
            return QCoreApplication::translate(
                "GatewayStatus",
                "The gateway does not use TLS (it answered in plain text). Turn TLS off for this "
                "account, or check that the address is the gateway's TLS port.");
        }
        if (message.contains(QLatin1String("handshake"), Qt::CaseInsensitive)
            || message.contains(QLatin1String("certificate"), Qt::CaseInsensitive)) {
            return QCoreApplication::translate(
                "GatewayStatus",
                "The secure connection (TLS) to the gateway failed: its certificate is not trusted "
                "or does not "
                "match the server name. Check the CA file and the server name.");
        }
        return QCoreApplication::translate("GatewayStatus",
                                           "The gateway cannot be reached. Check the address, that "
                                           "it is running, and the TLS setting.");
    case GatewayCode::DataLoss:
        return QCoreApplication::translate("GatewayStatus",
                                           "Data was lost on the way to the gateway.");
    case GatewayCode::Unauthenticated:
        return QCoreApplication::translate(
            "GatewayStatus", "The gateway rejected the token. Check the account's token.");
    default:
        return QCoreApplication::translate("GatewayStatus", "The gateway call failed (code %1).")
            .arg(code);
    }
}

} // namespace gd
