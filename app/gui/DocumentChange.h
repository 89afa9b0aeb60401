#pragma once
#include <QFlags>
#include <QMetaType>

namespace folkrnn::gui {

// What a Document change touched (Tiled's ChangeEvent): listeners update only what depends on it.
enum class DocumentField : unsigned {
    Model = 0x1,    // a new model (and with it a new vocabulary and a new run)
    Settings = 0x2, // seed, temperature, prime, max length, traced tune
    Run = 0x4,      // the run the views show was replaced or grew or shrank
    Busy = 0x8,     // a background run started or ended
};
Q_DECLARE_FLAGS(DocumentFields, DocumentField)
Q_DECLARE_OPERATORS_FOR_FLAGS(DocumentFields)

struct DocumentChange {
    DocumentFields what;
    // For Run: the first step whose record may differ from what the views drew.
    int firstStep = 0;
};

} // namespace folkrnn::gui

Q_DECLARE_METATYPE(folkrnn::gui::DocumentChange)
