#pragma once
// groupdesk-sim's command line: declares the options on a parser and reads
// them into SimulatorOptions, so the executable's main() stays thin and the
// same parsing can be reused (e.g. by benchmarks launching the simulator).

#include "sim/SimulatorOptions.h"

#include <QString>

class QCommandLineParser;

namespace gd::sim {

void addSimulatorOptions(QCommandLineParser &parser);
// False with a translated reason if a value is malformed.
bool readSimulatorOptions(const QCommandLineParser &parser, SimulatorOptions *options,
                          QString *error);

} // namespace gd::sim
