#include "storage/graph_store.h"

namespace parley {

void GraphBatch::PutNode(NodeId id, std::vector<std::string> labels, PropertyMap properties) {
  Op op;
  op.kind = Op::kPutNode;
  op.id = id;
  op.labels = std::move(labels);
  op.properties = std::move(properties);
  ops_.push_back(std::move(op));
}

void GraphBatch::PutRelationship(RelId id, std::string type, NodeId start, NodeId end,
                                 PropertyMap properties) {
  Op op;
  op.kind = Op::kPutRel;
  op.id = id;
  op.type = std::move(type);
  op.start = start;
  op.end = end;
  op.properties = std::move(properties);
  ops_.push_back(std::move(op));
}

void GraphBatch::SetNodeProperty(NodeId id, std::string key, Value value) {
  Op op;
  op.kind = Op::kSetNodeProperty;
  op.id = id;
  op.type = std::move(key);
  op.value = std::move(value);
  ops_.push_back(std::move(op));
}

void GraphBatch::ReplaceNode(NodeId id, std::vector<std::string> labels, PropertyMap properties) {
  Op op;
  op.kind = Op::kReplaceNode;
  op.id = id;
  op.labels = std::move(labels);
  op.properties = std::move(properties);
  ops_.push_back(std::move(op));
}

void GraphBatch::ReplaceRelationship(RelId id, PropertyMap properties) {
  Op op;
  op.kind = Op::kReplaceRel;
  op.id = id;
  op.properties = std::move(properties);
  ops_.push_back(std::move(op));
}

void GraphBatch::DeleteRelationship(RelId id) {
  Op op;
  op.kind = Op::kDeleteRel;
  op.id = id;
  ops_.push_back(std::move(op));
}

void GraphBatch::DeleteNode(NodeId id, bool detach) {
  Op op;
  op.kind = Op::kDeleteNode;
  op.id = id;
  op.detach = detach;
  ops_.push_back(std::move(op));
}

}  // namespace parley
