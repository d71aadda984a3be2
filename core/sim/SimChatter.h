#pragma once
// Writes what people say in the simulated groups: customers asking about
// refunds, deliveries, invoices and broken goods (order numbers, emoji, some
// English), staff answering. Deterministic from the generator it is given.

#include <QString>

#include <random>

namespace gd::sim {

class SimChatter
{
public:
    explicit SimChatter(quint32 seed);

    QString customerLine();
    QString staffLine();
    // A new topic for a ROOM_TOPIC event, derived from the current one.
    QString renamedTopic(const QString &topic);

    int below(int n) { return int(m_engine() % quint32(n)); }
    std::mt19937 &engine() { return m_engine; }

private:
    QString orderNumber();
    std::mt19937 m_engine;
};

} // namespace gd::sim
