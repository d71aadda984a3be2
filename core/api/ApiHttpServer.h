#pragma once
// The HTTP layer of the API on Qt HttpServer: hands every request, whatever
// its path, to one handler with a responder, so all routing and every error
// (404 included) answers in the API's JSON form.

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

#include <functional>

namespace gd::api {

class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &&)>;

    explicit ApiHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace gd::api
